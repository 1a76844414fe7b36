import { runAction } from '../../shared/github/action.ts';
import { finishEgressCapture } from '../../shared/egress/capture/job.ts';

await runAction(finishEgressCapture);
