import { runAction } from '../../shared/github/action.ts';
import { runAuditAction } from '../../shared/audit/action.ts';

await runAction(runAuditAction);
