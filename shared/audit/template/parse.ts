/**
 * A parser for the part of Go's text/template (pkg.go.dev/text/template) that gossfiles use: text,
 * `{{pipeline}}` actions with `{{-`/`-}}` trimming and comments (a slash-star pair inside the braces), `if`/`else if`/`else`,
 * `range` (with `$i, $v :=`, `else`, `break`, `continue`), `with` (and `else with`), variables
 * (`$x := …`, `$x = …`), pipelines (`a | b c`), parenthesised pipelines with field chains, and
 * string/raw-string/char/number/bool/nil literals. `define`, `template` and `block` are refused:
 * a gossfile is one template. Every node keeps the line and column it was written at, so an error
 * is reported at file:line:col.
 */

export interface Loc {
  line: number;
  column: number;
}

export type Operand =
  | { kind: 'field'; path: string[]; loc: Loc } // `.A.B`; `.` alone has path []
  | { kind: 'var'; name: string; path: string[]; loc: Loc } // `$x.A`
  | { kind: 'ident'; name: string; loc: Loc } // a function name
  | { kind: 'literal'; value: unknown; loc: Loc }
  | { kind: 'pipe'; pipe: Pipeline; path: string[]; loc: Loc }; // `(…)` with an optional field chain

export interface Command {
  args: Operand[];
  loc: Loc;
}

export interface Pipeline {
  decl?: { names: string[]; assign: boolean };
  cmds: Command[];
  loc: Loc;
}

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline; loc: Loc }
  | { kind: 'if' | 'with'; pipe: Pipeline; then: TemplateNode[]; else?: TemplateNode[]; loc: Loc }
  | { kind: 'range'; pipe: Pipeline; then: TemplateNode[]; else?: TemplateNode[]; loc: Loc }
  | { kind: 'break' | 'continue'; loc: Loc };

export class TemplateError extends Error {
  readonly loc: Loc;
  constructor(message: string, loc: Loc) {
    super(message);
    this.loc = loc;
  }
}

interface Action {
  body: string;
  loc: Loc;
  /** Offset of `body` in the source, to locate tokens inside the action. */
  bodyOffset: number;
}

type Piece = { kind: 'text'; text: string } | { kind: 'action'; action: Action };

/** Splits the source into text and actions, applying the trim markers (text/template "Text and spaces"). */
function split(src: string, locOf: (offset: number) => Loc): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) pieces.push({ kind: 'text', text });
      break;
    }
    let bodyStart = open + 2;
    // `{{- ` trims the text before; the dash must be followed by a space to be a marker.
    if (/^-[ \t\r\n]/.test(src.slice(bodyStart, bodyStart + 2))) {
      text = text.replace(/[ \t\r\n]+$/, '');
      bodyStart += 1;
    }
    if (text) pieces.push({ kind: 'text', text });
    // Find the closing `}}`, skipping over quoted strings and comments.
    let j = bodyStart;
    let close = -1;
    while (j < src.length) {
      const c = src[j]!;
      if (c === '"' || c === "'") {
        j++;
        while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
        j++;
        continue;
      }
      if (c === '`') {
        j = src.indexOf('`', j + 1);
        if (j < 0) break;
        j++;
        continue;
      }
      if (src.startsWith('/*', j)) {
        const end = src.indexOf('*/', j + 2);
        if (end < 0) throw new TemplateError('unclosed comment', locOf(j));
        j = end + 2;
        continue;
      }
      if (src.startsWith('}}', j)) {
        close = j;
        break;
      }
      if (c === '\n' && !/^\s*\/\*/.test(src.slice(bodyStart, j))) {
        // Newlines are allowed inside actions (Go 1.16+); keep scanning.
      }
      j++;
    }
    if (close < 0) throw new TemplateError('unclosed action: no matching "}}"', locOf(open));
    let bodyEnd = close;
    if (/[ \t\r\n]-$/.test(src.slice(bodyEnd - 2, bodyEnd))) {
      bodyEnd -= 1;
      trimNext = true;
    }
    const body = src.slice(bodyStart, bodyEnd);
    if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(body))
      pieces.push({ kind: 'action', action: { body, loc: locOf(open), bodyOffset: bodyStart } });
    i = close + 2;
  }
  return pieces;
}

type Tok =
  | { t: 'field'; v: string[] }
  | { t: 'var'; v: string; path: string[] }
  | { t: 'ident'; v: string }
  | { t: 'lit'; v: unknown }
  | { t: '|' | '(' | ')' | ':=' | '=' | ',' }
  | { t: 'chain'; v: string[] }; // `.a.b` right after `)`

/** Tokenises one action body (text/template "Pipelines", "Arguments"). */
function lex(body: string, at: (offset: number) => Loc): { tok: Tok; loc: Loc }[] {
  const out: { tok: Tok; loc: Loc }[] = [];
  let i = 0;
  const fieldPath = (start: number): [string[], number] => {
    const path: string[] = [];
    let k = start;
    while (body[k] === '.') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(k + 1));
      if (!m) break;
      path.push(m[0]);
      k += 1 + m[0].length;
    }
    return [path, k];
  };
  while (i < body.length) {
    const c = body[i]!;
    const loc = at(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '|' || c === '(' || c === ')' || c === ',') {
      out.push({ tok: { t: c }, loc });
      i++;
      continue;
    }
    if (body.startsWith(':=', i)) {
      out.push({ tok: { t: ':=' }, loc });
      i += 2;
      continue;
    }
    if (c === '=') {
      out.push({ tok: { t: '=' }, loc });
      i++;
      continue;
    }
    if (c === '.') {
      const prevClose = out.at(-1)?.tok.t === ')' && body[i - 1] === ')';
      const [path, k] = fieldPath(i);
      if (path.length === 0) {
        if (/[0-9]/.test(body[i + 1] ?? '')) {
          // a number like .5
        } else {
          out.push({ tok: { t: 'field', v: [] }, loc });
          i++;
          continue;
        }
      } else {
        out.push({ tok: prevClose ? { t: 'chain', v: path } : { t: 'field', v: path }, loc });
        i = k;
        continue;
      }
    }
    if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*/.exec(body.slice(i))!;
      const [path, k] = fieldPath(i + m[0].length);
      out.push({ tok: { t: 'var', v: m[0], path }, loc });
      i = k;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < body.length && body[k] !== '"') k += body[k] === '\\' ? 2 : 1;
      if (k >= body.length) throw new TemplateError('unterminated quoted string', loc);
      out.push({ tok: { t: 'lit', v: unquote(body.slice(i, k + 1), loc) }, loc });
      i = k + 1;
      continue;
    }
    if (c === '`') {
      const k = body.indexOf('`', i + 1);
      if (k < 0) throw new TemplateError('unterminated raw string', loc);
      out.push({ tok: { t: 'lit', v: body.slice(i + 1, k) }, loc });
      i = k + 1;
      continue;
    }
    if (c === "'") {
      const m = /^'(\\.|[^'\\])+'/.exec(body.slice(i));
      if (!m) throw new TemplateError('malformed character constant', loc);
      const ch = unquote(`"${m[0].slice(1, -1).replace(/"/g, '\\"')}"`, loc);
      out.push({ tok: { t: 'lit', v: ch.codePointAt(0) ?? 0 }, loc });
      i += m[0].length;
      continue;
    }
    const num = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?)/.exec(
      body.slice(i),
    );
    if (num && num[0] !== '' && /[0-9]/.test(num[0])) {
      const text = num[0].replace(/_/g, '');
      const v = /^[-+]?0[oO]/.test(text)
        ? Number.parseInt(text.replace(/0[oO]/, ''), 8) * (text.startsWith('-') ? -1 : 1)
        : /^[-+]?0[bB]/.test(text)
          ? Number.parseInt(text.replace(/0[bB]/, ''), 2) * (text.startsWith('-') ? -1 : 1)
          : /^[-+]?0\d+$/.test(text)
            ? Number.parseInt(text, 8)
            : Number(text);
      if (Number.isNaN(v)) throw new TemplateError(`bad number syntax: ${num[0]}`, loc);
      out.push({ tok: { t: 'lit', v }, loc });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i));
    if (id) {
      const w = id[0];
      out.push({
        tok:
          w === 'true' || w === 'false'
            ? { t: 'lit', v: w === 'true' }
            : w === 'nil'
              ? { t: 'lit', v: null }
              : { t: 'ident', v: w },
        loc,
      });
      i += w.length;
      continue;
    }
    throw new TemplateError(`unexpected ${JSON.stringify(c)} in action`, loc);
  }
  return out;
}

/** Go's interpreted string literal escapes. */
function unquote(lit: string, loc: Loc): string {
  try {
    return JSON.parse(
      lit
        .replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => `\\u00${h}`)
        .replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b')
        .replace(/\\'/g, "'"),
    ) as string;
  } catch {
    throw new TemplateError(`malformed string literal ${lit}`, loc);
  }
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block']);

/** Parses a whole template into nodes. Throws TemplateError at the offending action. */
export function parseTemplate(src: string): TemplateNode[] {
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === '\n') lineStarts.push(k + 1);
  const locOf = (offset: number): Loc => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const pieces = split(src, locOf);
  let pos = 0;
  let loopDepth = 0;

  type Stop = { word: 'end' | 'else'; rest: string; action: Action } | undefined;

  const parseList = (): { nodes: TemplateNode[]; stop: Stop } => {
    const nodes: TemplateNode[] = [];
    while (pos < pieces.length) {
      const p = pieces[pos++]!;
      if (p.kind === 'text') {
        nodes.push({ kind: 'text', text: p.text });
        continue;
      }
      const a = p.action;
      const m = /^\s*([a-z]+)\b([\s\S]*)$/.exec(a.body);
      const word = m?.[1];
      if (word && KEYWORDS.has(word)) {
        const rest = m![2]!;
        if (word === 'end' || word === 'else') return { nodes, stop: { word, rest, action: a } };
        if (word === 'define' || word === 'template' || word === 'block')
          throw new TemplateError(
            `{{${word}}} is not supported: a gossfile is one template (use gossfile: includes)`,
            a.loc,
          );
        if (word === 'break' || word === 'continue') {
          if (loopDepth === 0) throw new TemplateError(`{{${word}}} outside range`, a.loc);
          if (rest.trim() !== '')
            throw new TemplateError(`unexpected ${JSON.stringify(rest.trim())} in {{${word}}}`, a.loc);
          nodes.push({ kind: word, loc: a.loc });
          continue;
        }
        nodes.push(parseControl(word as 'if' | 'range' | 'with', rest, a));
        continue;
      }
      nodes.push({ kind: 'action', pipe: parsePipeline(a.body, a, 0), loc: a.loc });
    }
    return { nodes, stop: undefined };
  };

  const parseControl = (word: 'if' | 'range' | 'with', rest: string, a: Action): TemplateNode => {
    const offset = a.body.length - rest.length;
    const pipe = parsePipeline(rest, a, offset);
    if (pipe.cmds.length === 0) throw new TemplateError(`missing value for ${word}`, a.loc);
    if (word === 'range') loopDepth++;
    const body = parseList();
    if (word === 'range') loopDepth--;
    if (!body.stop) throw new TemplateError(`unexpected EOF: {{${word}}} has no {{end}}`, a.loc);
    const node: Extract<TemplateNode, { kind: 'if' | 'with' | 'range' }> = {
      kind: word,
      pipe,
      then: body.nodes,
      loc: a.loc,
    };
    if (body.stop.word === 'else') {
      const elseRest = body.stop.rest.trim();
      const chained = /^(if|with)\b([\s\S]*)$/.exec(elseRest);
      if (chained && chained[1] === word && word !== 'range') {
        // `{{else if …}}` / `{{else with …}}`: an inner control that shares this one's {{end}}.
        const inner = parseControl(word, chained[2]!, body.stop.action);
        node.else = [inner];
        return node;
      }
      if (elseRest !== '')
        throw new TemplateError(`unexpected ${JSON.stringify(elseRest)} in {{else}}`, body.stop.action.loc);
      const elseBody = parseList();
      if (!elseBody.stop || elseBody.stop.word !== 'end')
        throw new TemplateError(`expected {{end}} after {{else}}`, body.stop.action.loc);
      node.else = elseBody.nodes;
    } else if (body.stop.rest.trim() !== '') {
      throw new TemplateError(`unexpected ${JSON.stringify(body.stop.rest.trim())} in {{end}}`, body.stop.action.loc);
    }
    return node;
  };

  const parsePipeline = (text: string, a: Action, offset: number): Pipeline => {
    const toks = lex(text, (o) => locOf(a.bodyOffset + offset + o));
    let k = 0;
    const loc = toks[0]?.loc ?? a.loc;
    const pipeline = (inParens: boolean): Pipeline => {
      const p: Pipeline = { cmds: [], loc: toks[k]?.loc ?? loc };
      // Declarations: `$x :=`, `$i, $v :=`, `$x =`.
      const save = k;
      const names: string[] = [];
      while (toks[k]?.tok.t === 'var' && (toks[k]!.tok as { path: string[] }).path.length === 0) {
        names.push((toks[k]!.tok as { v: string }).v);
        k++;
        if (toks[k]?.tok.t === ',') {
          k++;
          continue;
        }
        break;
      }
      if (names.length > 0 && (toks[k]?.tok.t === ':=' || toks[k]?.tok.t === '=')) {
        if (names.length > 2) throw new TemplateError('too many declarations', toks[save]!.loc);
        p.decl = { names, assign: toks[k]!.tok.t === '=' };
        k++;
      } else k = save;
      let cmd: Command = { args: [], loc: toks[k]?.loc ?? loc };
      while (k < toks.length) {
        const { tok, loc: l } = toks[k]!;
        if (tok.t === ')') {
          if (!inParens) throw new TemplateError('unexpected ")"', l);
          break;
        }
        k++;
        if (tok.t === '|') {
          if (cmd.args.length === 0) throw new TemplateError('missing command before "|"', l);
          p.cmds.push(cmd);
          cmd = { args: [], loc: toks[k]?.loc ?? l };
          continue;
        }
        if (tok.t === '(') {
          const inner = pipeline(true);
          if (toks[k]?.tok.t !== ')') throw new TemplateError('unclosed left paren', l);
          k++;
          let path: string[] = [];
          if (toks[k]?.tok.t === 'chain') path = (toks[k++]!.tok as { v: string[] }).v;
          cmd.args.push({ kind: 'pipe', pipe: inner, path, loc: l });
          continue;
        }
        if (tok.t === 'field') cmd.args.push({ kind: 'field', path: tok.v, loc: l });
        else if (tok.t === 'var') cmd.args.push({ kind: 'var', name: tok.v, path: tok.path, loc: l });
        else if (tok.t === 'ident') cmd.args.push({ kind: 'ident', name: tok.v, loc: l });
        else if (tok.t === 'lit') cmd.args.push({ kind: 'literal', value: tok.v, loc: l });
        else throw new TemplateError(`unexpected ${JSON.stringify(tok.t)} in pipeline`, l);
      }
      if (cmd.args.length > 0) p.cmds.push(cmd);
      else if (p.cmds.length > 0) throw new TemplateError('missing command after "|"', cmd.loc);
      return p;
    };
    const p = pipeline(false);
    if (k < toks.length) throw new TemplateError(`unexpected ${JSON.stringify(toks[k]!.tok.t)}`, toks[k]!.loc);
    if (p.cmds.length === 0 && !p.decl && text.trim() !== '') throw new TemplateError('empty pipeline', loc);
    if (p.cmds.length === 0 && text.trim() === '' && offset === 0)
      throw new TemplateError('missing value for command', a.loc);
    return p;
  };

  const { nodes, stop } = parseList();
  if (stop) throw new TemplateError(`unexpected {{${stop.word}}}`, stop.action.loc);
  return nodes;
}
