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
