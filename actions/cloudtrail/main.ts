import { runAction } from '../../shared/github/action.ts';
import { runCloudTrailAction } from '../../shared/cloudtrail/action.ts';

await runAction(runCloudTrailAction);
