/**
 * RSpec's documentation format, as Chef's Audit Mode streamed it to the log: the group, each example
 * indented under it with "(FAILED - n)", then a failures section with expected and actual, and
 * "N controls, M failures" with the time. Terminal text: untrusted strings have control characters
 * made visible so a file's contents cannot move the cursor or rewrite earlier lines.
 */
import { visibleControls } from '../../report/escape.ts';
import { palette } from '../../report/terminal.ts';
import type { ControlResult } from '../model.ts';
import type { AuditListener } from '../phase.ts';

const safe = (s: string) => visibleControls(s);

/** Multi-line values keep their lines (each made safe) so a diff-like read stays possible. */
const block = (s: string) => s.split('\n').map(safe).join('\n        ');

export interface DocumentationOptions {
  /** Colour the examples; the CLI turns it on for a terminal unless NO_COLOR is set (no-color.org). */
  color?: boolean;
}

export function documentationReporter(
  write: (text: string) => void,
  options: DocumentationOptions = {},
): AuditListener {
  // RSpec's colours: green passed, red failed, yellow skipped; the newline stays outside the colour.
  const colours = palette(options.color === true);
  const paint = (colour: 'green' | 'red' | 'yellow', text: string) =>
    text.endsWith('\n') ? `${colours[colour](text.slice(0, -1))}\n` : colours[colour](text);
  const failures: ControlResult[] = [];
  return (e) => {
    switch (e.kind) {
      case 'phase-started':
        write(`Audit of ${safe(e.target)}\n\n`);
        break;
      case 'group-started':
        write(`${e.control.type} ${safe(e.control.id)}${e.control.title ? ` — ${safe(e.control.title)}` : ''}\n`);
        break;
      case 'control-passed':
        write(paint('green', `  ${e.result.property} ${safe(e.result.expected ?? '')}\n`));
        break;
      case 'control-failed':
      case 'control-errored':
        failures.push(e.result);
        write(
          paint(
            'red',
            `  ${e.result.property} ${safe(e.result.expected ?? '')} (${e.kind === 'control-failed' ? 'FAILED' : 'ERROR'} - ${failures.length})\n`,
          ),
        );
        break;
      case 'control-skipped':
        write(paint('yellow', `  ${e.result.property} (SKIPPED: ${safe(e.result.reason ?? '')})\n`));
        break;
      case 'group-finished':
        write('\n');
        break;
      case 'phase-finished': {
        if (failures.length > 0) {
          write('Failures:\n\n');
          failures.forEach((f, i) => {
            write(`  ${i + 1}) ${f.type} ${safe(f.id)} ${f.property}${f.title ? ` (${safe(f.title)})` : ''}\n`);
            if (f.status === 'error') write(`     Error: ${block(f.reason ?? '')}\n`);
            else {
              write(`     expected: ${block(f.expected ?? '')}\n`);
              write(`          got: ${block(f.actual ?? '')}\n`);
            }
            write(`     # ${safe(f.position.file)}:${f.position.line}\n\n`);
          });
        }
        const s = e.summary;
        const checks = s.passed + s.failed + s.skipped + s.errored;
        const extra = [s.skipped ? `${s.skipped} skipped` : '', s.errored ? `${s.errored} errors` : ''].filter(Boolean);
        write(`Finished in ${(s.durationMs / 1000).toFixed(3)} seconds\n`);
        const line = `${s.controls} control${s.controls === 1 ? '' : 's'} (${checks} check${checks === 1 ? '' : 's'}), ${s.failed} failures${extra.length ? `, ${extra.join(', ')}` : ''}\n`;
        write(paint(s.failed || s.errored ? 'red' : 'green', line));
        break;
      }
      case 'phase-failed':
        write(`\nAudit phase failed: ${safe(e.error)}\n`);
        break;
    }
  };
}
