import { runAction } from '../../shared/github/action.ts';
import { reportEgress } from '../../shared/egress/action.ts';

await runAction(reportEgress);
