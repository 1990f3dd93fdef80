/**
 * A strict JSON reader (RFC 8259) that, unlike `JSON.parse`, reports duplicate object keys: two
 * loaders can keep different copies of a duplicated key, which is how a file shows one thing to
 * a scanner and another to the program that loads it. Nesting is bounded so hostile input cannot
 * exhaust the stack.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface StrictJsonResult {
  value: JsonValue;
  /** Keys seen twice in one object, as `path.key`. */
  duplicates: string[];
}

export class StrictJsonError extends Error {}

const MAX_DEPTH = 256;

/** Parse `text`; throws StrictJsonError (with the offset) on anything that is not one JSON value. */
export function parseStrictJson(text: string): StrictJsonResult {
  const duplicates: string[] = [];
  let at = 0;

  const fail = (what: string): never => {
    throw new StrictJsonError(`${what} at offset ${at}`);
  };
  const skipSpace = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else break;
    }
  };

  const readString = (): string => {
    at++; // opening quote
    let out = "";
    let start = at;
    while (true) {
      if (at >= text.length) fail("Unterminated string");
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        out += text.slice(start, at);
        at++;
        return out;
      }
      if (c < 0x20) fail("Control character in string");
      if (c !== 0x5c) {
        at++;
        continue;
      }
      out += text.slice(start, at);
      const e = text[at + 1];
      at += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case "\\":
          out += "\\";
          break;
        case "/":
          out += "/";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const hex = text.slice(at, at + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("Bad unicode escape");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          at += 4;
          break;
        }
        default:
          fail("Bad escape");
      }
      start = at;
    }
  };

  const readNumber = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail("Bad number");
    at += (match as RegExpExecArray)[0].length;
    return Number((match as RegExpExecArray)[0]);
  };

  const readValue = (path: string, depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail("Nesting too deep");
    skipSpace();
    const c = text[at];
    if (c === "{") {
      at++;
      const object: { [key: string]: JsonValue } = Object.create(null);
      skipSpace();
      if (text[at] === "}") {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        if (text[at] !== '"') fail("Expected a key");
        const key = readString();
        skipSpace();
        if (text[at] !== ":") fail("Expected ':'");
        at++;
        const keyPath = path ? `${path}.${key}` : key;
        const value = readValue(keyPath, depth + 1);
        if (Object.hasOwn(object, key)) duplicates.push(keyPath);
        object[key] = value;
        skipSpace();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "}") {
          at++;
          return object;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === "[") {
      at++;
      const array: JsonValue[] = [];
      skipSpace();
      if (text[at] === "]") {
        at++;
        return array;
      }
      while (true) {
        array.push(readValue(`${path}[${array.length}]`, depth + 1));
        skipSpace();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "]") {
          at++;
          return array;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return readString();
    if (text.startsWith("true", at)) {
      at += 4;
      return true;
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return false;
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return null;
    }
    return readNumber();
  };

  const value = readValue("", 0);
  skipSpace();
  if (at !== text.length) fail("Text after the JSON value");
  return { value, duplicates };
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
