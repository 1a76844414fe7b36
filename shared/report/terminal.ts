/**
 * What a person at a terminal sees: colour only on a TTY (never with NO_COLOR or --no-color),
 * progress on stderr only on a TTY, and plain-text tables for the commands whose default output is
 * read by eye (`egress diff`, `egress preflight`). Pure functions over plain data, so the CLI passes
 * in whether its streams are TTYs and tests see exactly what a person would.
 */
import { visibleControls } from './escape.ts';

export interface TerminalSettings {
  /** Whether the stream is a terminal (`process.stdout.isTTY`). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** `--no-color` given (commander sets `color: false`). */
  noColorFlag?: boolean;
}

/**
 * https://no-color.org: a non-empty NO_COLOR turns colour off; `--no-color` too; FORCE_COLOR (not "0")
 * turns it on for CI logs that render ANSI; otherwise colour exactly when writing to a TTY that is not
 * a dumb terminal.
 */
export function colorEnabled({ isTTY, env, noColorFlag }: TerminalSettings): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}

export interface Palette {
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  blue: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, green: plain, yellow: plain, blue: plain, bold: plain, dim: plain };
  return {
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    bold: sgr(1, 22),
    dim: sgr(2, 22),
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal, ignoring colour codes (wide CJK counts two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0x1f300 && cp <= 0x1faff)
        ? 2
        : 1;
  }
  return width;
}

export interface TableColumn {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
  /** Longest a cell may be before it is cut with `…`. */
  max?: number;
}

/**
 * A plain-text table: a header, a rule, one row per line, columns padded to the widest cell. Cells
 * are untrusted (host names from packets): control and bidi characters are made visible, so no cell
 * can move the cursor, clear the screen or reorder the line. `style` colours a whole cell after
 * padding is computed.
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  style: (row: number, column: number, text: string) => string = (_r, _c, t) => t,
): string {
  const cut = (text: string, max = 80) => {
    const safe = visibleControls(text);
    return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
  };
  const cells = rows.map((row) => columns.map((c, i) => cut(row[i] ?? '', c.max)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]!))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return columns[i]!.right ? fill + text : text + fill;
  };
  const line = (parts: string[]) => parts.join('  ').trimEnd();
  return [
    line(columns.map((c, i) => pad(c.header, i))),
    line(widths.map((w) => '─'.repeat(w))),
    ...cells.map((row, r) => line(row.map((text, i) => style(r, i, pad(text, i))))),
  ]
    .map((l) => `${l}\n`)
    .join('');
}

export interface Progress {
  /** Replaces the progress line (at most every `intervalMs`). */
  update(text: string): void;
  /** Clears the line; the next output starts at column 0. */
  done(): void;
}

/**
 * A one-line progress indicator on stderr for long work (many CloudTrail files, a large capture, an
 * image read). Only on a TTY: in a CI log or a pipe it writes nothing, so logs stay clean and
 * stdout stays machine-readable. `--quiet` disables it too.
 */
export function progress(
  write: (text: string) => void,
  enabled: boolean,
  intervalMs = 100,
  now: () => number = Date.now,
): Progress {
  if (!enabled) return { update: () => {}, done: () => {} };
  let last = -Infinity;
  let shown = false;
  return {
    update(text) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      shown = true;
      write(`\r\u001b[K${visibleControls(text).slice(0, 200)}`);
    },
    done() {
      if (shown) write('\r\u001b[K');
      shown = false;
    },
  };
}
