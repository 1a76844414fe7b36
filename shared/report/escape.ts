/**
 * Escaping for untrusted text: host names from DNS packets anyone can send, CloudTrail fields an
 * attacker controls (user agents, resource names), file contents read from images. Every renderer
 * goes through these functions; there is no other place that escapes Markdown or HTML.
 */

// C0/C1 controls, DEL, and the Unicode bidi overrides and isolates used in "Trojan Source" attacks.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Makes control, zero-width and bidi characters visible as `\u{…}` so they cannot hide or reorder text. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** HTML-escapes the five characters that matter in text and attribute values. */
export function escapeHtml(text: string): string {
  return visibleControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const ZWSP = '\u200b';

/**
 * Escapes text for GitHub-flavoured Markdown prose or a table cell: no link, image, HTML tag,
 * emphasis, @mention, #reference or autolinked URL can be formed from it, and `|` cannot end a cell.
 */
export function escapeMarkdown(text: string): string {
  return (
    visibleControls(text)
      // Backslash-escape every ASCII punctuation character CommonMark treats as syntax.
      .replace(/[\\`*_{}[\]()#+\-.!|~"'$%^=:;,?]/g, '\\$&')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // GitHub resolves @user, @org/team and #123 after HTML rendering, so backslashes do not stop
      // them; a zero-width space after the sigil does. Same for autolinked www. and scheme://.
      .replace(/@/g, `@${ZWSP}`)
      .replace(/\bwww\\\./gi, (m) => `${m.slice(0, 3)}${ZWSP}${m.slice(3)}`)
      .replace(/\\:\/\//g, `\\:${ZWSP}//`)
  );
}

/**
 * Renders text as a Markdown code span, safe inside a table cell: the fence is longer than any
 * backtick run inside, `|` is escaped (GFM splits cells before parsing code spans), and control
 * characters are made visible so a newline cannot end the table row.
 */
export function markdownCode(text: string): string {
  const body = visibleControls(text).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Escapes text for an XML 1.0 text node or attribute (JUnit reports), dropping characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Renders text as a fenced Markdown code block (CommonMark §4.5): the fence is one backtick longer
 * than any backtick run inside, so the text cannot close it early, and control and bidi characters
 * are made visible. Nothing inside a code block is a link, tag or @mention.
 */
export function markdownCodeBlock(text: string, language = ''): string {
  const body = text.replace(/\r\n?/g, '\n').split('\n').map(visibleControls).join('\n');
  const longestRun = Math.max(2, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}
