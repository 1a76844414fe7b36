import { runAction } from '../../shared/github/action.ts';
import { preflightEgressEndpoints } from '../../shared/egress/action.ts';

await runAction(preflightEgressEndpoints);
