import { runAction } from '../../shared/github/action.ts';
import { startEgressCapture } from '../../shared/egress/action.ts';

await runAction(startEgressCapture);
