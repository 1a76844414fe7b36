/**
 * Small Markdown builders shared by every report. Cells and text passed in must already be escaped
 * with `escapeMarkdown` or `markdownCode` (shared/report/escape.ts); these functions only lay out.
 */

/** A GFM table. Rows shorter than the header are padded with empty cells. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, i) => (cells[i] ?? '').replace(/\r?\n/g, ' ')).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

/** A collapsed `<details>` block; GitHub needs the blank lines for Markdown inside to render. */
export function markdownDetails(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/**
 * Cuts Markdown to at most `limit` UTF-16 code units (GitHub's comment limit is 65,536), at a line
 * boundary, never inside a surrogate pair, and appends `note`. Returns the text unchanged when it fits.
 */
export function truncateMarkdown(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  const budget = limit - note.length - 2;
  if (budget <= 0) return note.slice(0, limit);
  let cut = text.lastIndexOf('\n', budget);
  if (cut < budget / 2) cut = budget;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}\n\n${note}`;
}

/**
 * Like `truncateMarkdown`, but counts UTF-8 bytes, the unit of the runner's job-summary limit
 * (1 MiB per step): the cut is at a line boundary when one is near, else at a character boundary,
 * and `note` follows. Returns the text unchanged when it fits; an empty string when not even the
 * note does.
 */
export function truncateMarkdownBytes(text: string, limit: number, note: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const noteBytes = Buffer.byteLength(note, 'utf8') + 2;
  const budget = limit - noteBytes;
  if (budget <= 0) return Buffer.byteLength(note, 'utf8') <= limit ? note : '';
  let cut = bytes.lastIndexOf(0x0a, budget - 1);
  if (cut < budget / 2) {
    cut = budget;
    // Back off UTF-8 continuation bytes (10xxxxxx) so no character is split.
    while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut -= 1;
  }
  let head = bytes.subarray(0, cut).toString('utf8');
  // Never split a surrogate pair's worth of text either (a cut inside one decodes as U+FFFD).
  head = head.replace(/\ufffd$/, '');
  return `${head}\n\n${note}`;
}
