/**
 * A lexer for Jinja2 templates, as far as static analysis needs: it finds expression (`{{ }}`)
 * and statement (`{% %}`) tags, skips comments and `{% raw %}` blocks, honours whitespace control
 * (`{{-`, `-%}`, `{%+`) and brackets inside tags as Jinja's own lexer does, and splits each tag
 * into names, numbers, operators and string literals whose escapes are decoded the way Jinja
 * decodes them (Python's unicode-escape), so `'\x5f\x5f'` is seen as `__`.
 */
export type JinjaTokenKind = "name" | "string" | "number" | "op";

export interface JinjaToken {
  kind: JinjaTokenKind;
  /** Names: the identifier, NFKC-normalised; strings: the decoded value; ops and numbers: the text. */
  value: string;
  /** A string literal with an escape that spells a letter, digit or underscore: obfuscation. */
  spelledByEscape?: boolean;
}

export interface JinjaTag {
  kind: "expression" | "statement";
  offset: number;
  tokens: JinjaToken[];
}

export interface JinjaLexResult {
  tags: JinjaTag[];
  /** Tags, comments or raw blocks that never close (Jinja refuses such a template). */
  unclosed: { what: string; offset: number }[];
  /** Text outside tags and raw blocks: what `{% set x %}…{% endset %}` captures, too. */
  data: { offset: number; text: string }[];
}

const OPERATORS = [
  "//",
  "**",
  "==",
  "!=",
  "<=",
  ">=",
  "+",
  "-",
  "/",
  "*",
  "%",
  "~",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  ">",
  "<",
  "=",
  ".",
  ":",
  "|",
  ",",
  ";",
];
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER = /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/y;
const STRING = /'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"/y;
const RAW_START = /\{%[-+]?\s*raw\s*[-+]?%\}/y;
const RAW_END = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
/** Unicode names Python resolves in `\N{...}` that spell identifier characters used in escapes. */
const NAMED_CHARACTERS: Record<string, string> = { "LOW LINE": "_", "FULLWIDTH LOW LINE": "＿", "FULL STOP": "." };

/** Decodes a Python string literal body's escapes; marks escapes that spell identifier characters. */
export function decodeStringLiteral(body: string): { value: string; spelledByEscape: boolean } {
  let value = "";
  let spelledByEscape = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== "\\" || i + 1 >= body.length) {
      value += c;
      continue;
    }
    const e = body[i + 1] as string;
    let decoded: string | null = null;
    let length = 2;
    const simple: Record<string, string> = {
      "\\": "\\",
      "'": "'",
      '"': '"',
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "\t",
      v: "\v",
      "\n": "",
    };
    if (e in simple) decoded = simple[e] as string;
    else if (/[0-7]/.test(e)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? e;
      decoded = String.fromCodePoint(Number.parseInt(digits, 8));
      length = 1 + digits.length;
    } else if (e === "x" || e === "u" || e === "U") {
      const width = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + width);
      if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        const code = Number.parseInt(hex, 16);
        decoded = code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
        length = 2 + width;
      }
    } else if (e === "N") {
      const match = /^\{([^}]*)\}/.exec(body.slice(i + 2));
      if (match) {
        decoded = NAMED_CHARACTERS[(match[1] as string).toUpperCase()] ?? "\ufffd";
        if (decoded === "\ufffd") spelledByEscape = true; // an unknown name may still spell a letter
        length = 2 + (match[0] as string).length;
      }
    }
    if (decoded === null) {
      value += `\\${e}`;
      i += 1;
      continue;
    }
    if (/[\p{L}\p{Nd}_]/u.test(decoded)) spelledByEscape = true;
    value += decoded;
    i += length - 1;
  }
  return { value, spelledByEscape };
}

function lexTag(text: string, start: number, closer: "}}" | "%}"): { tokens: JinjaToken[]; end: number | null } {
  const tokens: JinjaToken[] = [];
  let at = start;
  if (text[at] === "-" || text[at] === "+") at++;
  let depth = 0;
  while (at < text.length) {
    const c = text[at] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      at++;
      continue;
    }
    if (depth === 0) {
      if (text.startsWith(closer, at)) return { tokens, end: at + 2 };
      if (c === "-" && text.startsWith(closer, at + 1)) return { tokens, end: at + 3 };
    }
    STRING.lastIndex = at;
    const string = STRING.exec(text);
    if (string) {
      const decoded = decodeStringLiteral(string[0].slice(1, -1));
      tokens.push({ kind: "string", value: decoded.value.normalize("NFKC"), spelledByEscape: decoded.spelledByEscape });
      at += string[0].length;
      continue;
    }
    if (c === "'" || c === '"') return { tokens, end: null }; // an unterminated string runs to the end
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: "name", value: name[0].normalize("NFKC") });
      at += name[0].length;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      tokens.push({ kind: "number", value: number[0] });
      at += number[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, at)) ?? c;
    if (op === "(" || op === "[" || op === "{") depth++;
    if ((op === ")" || op === "]" || op === "}") && depth > 0) depth--;
    tokens.push({ kind: "op", value: op });
    at += op.length;
  }
  return { tokens, end: null };
}

/** Splits a template into its tags; linear in the template's length. */
export function lexJinja(text: string): JinjaLexResult {
  const result: JinjaLexResult = { tags: [], unclosed: [], data: [] };
  const addData = (from: number, to: number) => {
    if (to > from) result.data.push({ offset: from, text: text.slice(from, to) });
  };
  const opener = /\{[{%#]/g;
  let at = 0;
  while (at < text.length) {
    opener.lastIndex = at;
    const open = opener.exec(text);
    if (!open) {
      addData(at, text.length);
      break;
    }
    const offset = open.index;
    addData(at, offset);
    const kind = text[offset + 1];
    if (kind === "#") {
      const end = text.indexOf("#}", offset + 2);
      if (end < 0) {
        result.unclosed.push({ what: "comment", offset });
        break;
      }
      at = end + 2;
      continue;
    }
    if (kind === "%") {
      RAW_START.lastIndex = offset;
      const raw = RAW_START.exec(text);
      if (raw) {
        RAW_END.lastIndex = offset + raw[0].length;
        const end = RAW_END.exec(text);
        if (!end) {
          result.unclosed.push({ what: "raw block", offset });
          break;
        }
        at = end.index + end[0].length;
        continue;
      }
    }
    const { tokens, end } = lexTag(text, offset + 2, kind === "{" ? "}}" : "%}");
    result.tags.push({ kind: kind === "{" ? "expression" : "statement", offset, tokens });
    if (end === null) {
      result.unclosed.push({ what: kind === "{" ? "expression" : "statement", offset });
      break;
    }
    at = end;
  }
  return result;
}
