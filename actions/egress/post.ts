import { runAction } from '../../shared/github/action.ts';
import { finishEgressCapture } from '../../shared/egress/action.ts';

await runAction(finishEgressCapture);
