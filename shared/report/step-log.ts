/**
 * What an action writes to its step log, made safe. The runner reads a step's stdout and stderr as
 * a command channel (see `neutraliseForLog` in shared/report/escape.ts), so every message telltale
 * prints in an Actions run goes through here: plain lines are neutralised, commands are written
 * with the runner's own escaping, secrets are redacted, and the job summary is cut to the runner's
 * 1 MiB limit instead of being dropped by it.
 */
import { neutraliseForLog, visibleControls } from './escape.ts';
import { truncateMarkdownBytes } from './markdown.ts';

/** The runner drops a step's whole summary over 1 MiB ("supports content up to a size of 1024k"). */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** An unguessable stop-commands token, fresh for every fenced block. */
// Web Crypto's global (loaded on first use): importing node:crypto here cost every CLI start ~10 ms.
export function stopToken(): string {
  return `telltale-${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('hex')}`;
}

/** A plain log line (or lines) as the runner will show it, never as a command. */
export function logText(message: string): string {
  return neutraliseForLog(message, stopToken);
}

// actions/toolkit packages/core/src/command.ts: the escaping the runner's TryParseV2 undoes.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One workflow command line, `::name k=v,…::data`, escaped so that no data or property value can
 * end it or start another. Properties with an undefined value are left out.
 */
export function workflowCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  data: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(data)}`;
}

/** Annotation messages and titles: bidi and control characters shown, not obeyed; titles bounded. */
export function annotationText(text: string, limit = 10_000): string {
  const shown = text
    .split(/\r?\n/)
    .map((line) => visibleControls(line))
    .join('\n');
  return shown.length > limit ? `${shown.slice(0, limit - 1)}…` : shown;
}

/** Replaces every registered secret (and its URL-encoded and base64 forms) with `***`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue; // masking "a" would mangle every line and hides nothing
    for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) {
      out = out.split(form).join('***');
    }
  }
  return out;
}

/**
 * How much of `markdown` fits in a step summary that already holds `usedBytes`: all of it, or a
 * cut with `note`, or nothing (when even the note does not fit).
 */
export function fitSummary(markdown: string, usedBytes: number, note: string): string {
  return truncateMarkdownBytes(markdown, Math.max(0, STEP_SUMMARY_LIMIT - usedBytes), note);
}
