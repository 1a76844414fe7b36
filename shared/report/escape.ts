/**
 * Escaping for untrusted text: host names from DNS packets anyone can send, CloudTrail fields an
 * attacker controls (user agents, resource names), file contents read from images. Every renderer
 * goes through these functions; there is no other place that escapes Markdown or HTML.
 */

// C0/C1 controls, DEL, and the Unicode bidi overrides and isolates used in "Trojan Source" attacks.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Makes control, zero-width and bidi characters visible as `\u{…}` so they cannot hide or reorder text. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, codePointText);
}

/** `\u{…}`: how a hidden character is shown, in every escaper here. */
function codePointText(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
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
      // GitHub resolves @user, @org/team, #123, owner/repo#123 and GH-123 after HTML rendering, so
      // backslashes do not stop them (`\#123` renders as the text `#123`, which is then linked); a
      // zero-width space after the sigil does. Same for autolinked www. and scheme://.
      .replace(/@/g, `@${ZWSP}`)
      .replace(/\\#/g, `\\#${ZWSP}`)
      .replace(/\b(GH)\\-/gi, `$1${ZWSP}\\-`)
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

// ---------------------------------------------------------------------------------------------
// The step log. The Actions runner reads every line a step writes to stdout or stderr and takes it
// as a workflow command when, after leading white space, it starts with `::` (runner
// ActionCommand.TryParseV2), or when it holds the legacy `##[name]` form anywhere
// (ActionCommand.TryParse). Lines end at \n, \r or \r\n (.NET TextReader.ReadLine). Between
// `::stop-commands::TOKEN` and `::TOKEN::` it runs no command but the resume one.

/** The line breaks the runner splits a step's output on (.NET TextReader.ReadLine). */
export const RUNNER_LINE_BREAK = /\r\n|\r|\n/;

// Like INVISIBLE, but a tab and a line feed stay: they are how a log message is laid out.
const LOG_INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Whether any line of `text` could be read by the runner as a workflow command. Deliberately a
 * superset of what the runner accepts: every character outside printable ASCII is dropped before
 * looking (the runner's .NET `StartsWith`/`IndexOf` are culture-sensitive, and ICU ignores
 * zero-width and control characters), so no prefix trick makes a command look harmless here.
 */
export function maySpellWorkflowCommand(text: string): boolean {
  for (const line of text.split(RUNNER_LINE_BREAK)) {
    const bare = line.replace(/[^\x21-\x7e]/g, '');
    if (bare.startsWith('::') || bare.includes('##[')) return true;
  }
  return false;
}

/**
 * Makes text safe to write to the step log of an Actions run: control, bidi and zero-width
 * characters become visible `\\u{…}` (a lone \r cannot start a line the reader does not see), and
 * when any line could still spell a command, the whole text is fenced between
 * `::stop-commands::TOKEN` and `::TOKEN::`, with a token the text does not contain, so the runner
 * prints those lines instead of running them. `newToken` must return an unguessable token (random
 * per block): text that knew it could end the fence early.
 */
export function neutraliseForLog(text: string, newToken: () => string): string {
  const shown = text
    .split(/\r?\n/)
    .map((line) => line.replace(LOG_INVISIBLE, codePointText))
    .join('\n');
  if (!maySpellWorkflowCommand(shown)) return shown;
  const lower = shown.toLowerCase();
  for (let attempt = 0; attempt < 8; attempt++) {
    const token = newToken();
    // The runner matches the resume command case-insensitively, by either syntax.
    if (/^[A-Za-z0-9_-]{16,}$/.test(token) && !lower.includes(token.toLowerCase())) {
      return `::stop-commands::${token}\n${shown}\n::${token}::`;
    }
  }
  // Unreachable with a random token; refuse to print rather than print something live.
  return '[telltale: a log message was withheld: it could not be printed safely]';
}
