import { runAction } from '../../shared/github/action.ts';
import { startEgressCapture } from '../../shared/egress/capture/job.ts';

await runAction(startEgressCapture);
