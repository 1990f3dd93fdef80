/**
 * The .npy header: a Python dict literal with exactly the keys descr, fortran_order and shape,
 * parsed strictly by a small literal reader (strings, integers, True/False/None, tuples, lists).
 */
export type Literal = string | number | boolean | null | Literal[] | { tuple: Literal[] };

export interface NpyHeader {
  descr: Literal;
  fortranOrder: boolean;
  shape: number[];
}

export class NpyHeaderError extends Error {}

export function parseNpyHeader(text: string): NpyHeader {
  const reader = new LiteralReader(text.replace(/[\s\n]+$/, ""));
  const entries = reader.dict();
  reader.end();
  const keys = Object.keys(entries).sort();
  if (keys.join(",") !== "descr,fortran_order,shape") {
    throw new NpyHeaderError(
      `the header has the keys ${keys.join(", ") || "(none)"}, not descr, fortran_order and shape`,
    );
  }
  const shape = entries.shape;
  if (typeof shape !== "object" || shape === null || Array.isArray(shape) || !("tuple" in shape)) {
    throw new NpyHeaderError("shape is not a tuple");
  }
  if (!shape.tuple.every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) {
    throw new NpyHeaderError("shape holds something other than non-negative integers");
  }
  if (typeof entries.fortran_order !== "boolean") throw new NpyHeaderError("fortran_order is not True or False");
  return { descr: entries.descr as Literal, fortranOrder: entries.fortran_order, shape: shape.tuple as number[] };
}

/** True when the dtype (plain or structured) holds Python objects, i.e. its data is a pickle. */
export function hasObjects(descr: Literal): boolean {
  if (typeof descr === "string") return /^[<>|=]?O\d*$/.test(descr);
  if (Array.isArray(descr)) return descr.some((field) => hasObjects(field));
  if (descr && typeof descr === "object" && "tuple" in descr)
    return descr.tuple.slice(1).some((part) => hasObjects(part));
  return false;
}

/** Bytes per item of a plain dtype string ('<f4', '|b1', '<U8', '<M8[ns]'); null when structured or unknown. */
export function itemSize(descr: Literal): number | null {
  if (typeof descr !== "string") return null;
  const match = /^[<>|=]?([biufcmMSUV?])(\d*)(\[[a-zA-Z0-9]+\])?$/.exec(descr);
  if (!match) return null;
  if (match[1] === "?") return 1;
  const count = Number(match[2] || "0");
  if (!count) return null;
  return match[1] === "U" ? 4 * count : count;
}

class LiteralReader {
  private position = 0;
  constructor(private readonly text: string) {}

  private space(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position] as string)) this.position++;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.position] !== char) throw new NpyHeaderError(`expected '${char}' at character ${this.position}`);
    this.position++;
  }

  private peek(): string {
    this.space();
    return this.text[this.position] ?? "";
  }

  end(): void {
    if (this.peek() !== "")
      throw new NpyHeaderError(`unexpected text after the header dict at character ${this.position}`);
  }

  dict(): Record<string, Literal> {
    this.expect("{");
    const entries: Record<string, Literal> = {};
    while (this.peek() !== "}") {
      const key = this.value(0);
      if (typeof key !== "string") throw new NpyHeaderError("a header key is not a string");
      if (Object.hasOwn(entries, key)) throw new NpyHeaderError(`the key ${key} appears twice`);
      this.expect(":");
      entries[key] = this.value(0);
      if (this.peek() === ",") this.position++;
      else if (this.peek() !== "}") throw new NpyHeaderError(`expected ',' or '}' at character ${this.position}`);
    }
    this.position++;
    return entries;
  }

  value(depth: number): Literal {
    if (depth > 32) throw new NpyHeaderError("the header nests too deep");
    const char = this.peek();
    if (char === "'" || char === '"') return this.string(char);
    if (char === "(" || char === "[") {
      const close = char === "(" ? ")" : "]";
      this.position++;
      const items: Literal[] = [];
      while (this.peek() !== close) {
        if (this.peek() === "") throw new NpyHeaderError("a tuple or list is not closed");
        items.push(this.value(depth + 1));
        if (this.peek() === ",") this.position++;
        else if (this.peek() !== close)
          throw new NpyHeaderError(`expected ',' or '${close}' at character ${this.position}`);
      }
      this.position++;
      return char === "(" ? { tuple: items } : items;
    }
    const word = /^(True|False|None|-?\d+L?)/.exec(this.text.slice(this.position, this.position + 32));
    if (!word) throw new NpyHeaderError(`unexpected text at character ${this.position}`);
    this.position += (word[0] as string).length;
    if (word[0] === "True") return true;
    if (word[0] === "False") return false;
    if (word[0] === "None") return null;
    return Number((word[0] as string).replace(/L$/, ""));
  }

  private string(quote: string): string {
    this.position++;
    const end = this.text.indexOf(quote, this.position);
    if (end < 0 || end - this.position > 1000) throw new NpyHeaderError("a string in the header is not closed");
    const value = this.text.slice(this.position, end);
    if (value.includes("\\")) throw new NpyHeaderError("escapes in header strings are not allowed");
    this.position = end + 1;
    return value;
  }
}
