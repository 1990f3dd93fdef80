/**
 * Writes pickle opcode sequences by hand, for tests and the regression corpus: every fixture is
 * built opcode by opcode, never by pickling (or unpickling) anything.
 */
export class PickleWriter {
  private readonly parts: number[] = [];

  /** Raw bytes, for malformed or truncated sequences. */
  raw(...bytes: number[]): this {
    this.parts.push(...bytes);
    return this;
  }

  op(code: number | string, ...args: Uint8Array[]): this {
    this.parts.push(typeof code === "string" ? code.charCodeAt(0) : code);
    for (const arg of args) this.parts.push(...arg);
    return this;
  }

  proto(version: number): this {
    return this.op(0x80, Uint8Array.of(version));
  }
  /** A FRAME of `length` bytes (protocol 4+); the writer does not check that the length is right. */
  frame(length: number): this {
    return this.op(0x95, uint(length, 8));
  }
  stop(): this {
    return this.op(".");
  }
  mark(): this {
    return this.op("(");
  }
  pop(): this {
    return this.op("0");
  }
  popMark(): this {
    return this.op("1");
  }
  dup(): this {
    return this.op("2");
  }
  none(): this {
    return this.op("N");
  }
  bool(value: boolean): this {
    return this.op(value ? 0x88 : 0x89);
  }
  /** The smallest binary int opcode for the value (BININT1, BININT2 or BININT). */
  int(value: number): this {
    if (value >= 0 && value < 256) return this.op("K", Uint8Array.of(value));
    if (value >= 0 && value < 65536) return this.op("M", uint(value, 2));
    return this.op("J", int32(value));
  }
  /** LONG1 with a little-endian two's-complement payload. */
  long1(value: bigint): this {
    const bytes: number[] = [];
    let rest = value;
    while (rest !== 0n && rest !== -1n) {
      bytes.push(Number(rest & 0xffn));
      rest >>= 8n;
    }
    if (bytes.length === 0 || value >= 0n !== (bytes[bytes.length - 1] ?? 0) < 0x80) {
      bytes.push(value < 0n ? 0xff : 0);
    }
    return this.op(0x8a, Uint8Array.of(bytes.length, ...bytes));
  }
  float(value: number): this {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, false);
    return this.op("G", bytes);
  }
  /** SHORT_BINUNICODE, or BINUNICODE when longer than 255 bytes. */
  unicode(text: string): this {
    const bytes = new TextEncoder().encode(text);
    if (bytes.byteLength < 256) return this.op(0x8c, Uint8Array.of(bytes.byteLength), bytes);
    return this.op("X", uint(bytes.byteLength, 4), bytes);
  }
  /** Protocol-0 STRING ('quoted'). */
  string0(text: string): this {
    return this.op("S", ascii(`'${text}'\n`));
  }
  /** Protocol-0 UNICODE (raw, newline-terminated). */
  unicode0(text: string): this {
    return this.op("V", ascii(`${text}\n`));
  }
  shortBinString(text: string): this {
    const bytes = ascii(text);
    return this.op("U", Uint8Array.of(bytes.byteLength), bytes);
  }
  bytes(payload: Uint8Array): this {
    if (payload.byteLength < 256) return this.op("C", Uint8Array.of(payload.byteLength), payload);
    return this.op("B", uint(payload.byteLength, 4), payload);
  }
  bytearray8(payload: Uint8Array): this {
    return this.op(0x96, uint(payload.byteLength, 8), payload);
  }
  /** GLOBAL "module\nname\n". */
  global(module: string, name: string): this {
    return this.op("c", ascii(`${module}\n${name}\n`));
  }
  /** Pushes module and name as strings, then STACK_GLOBAL. */
  stackGlobal(module: string, name: string): this {
    return this.unicode(module).unicode(name).op(0x93);
  }
  stackGlobalOp(): this {
    return this.op(0x93);
  }
  /** INST "module\nname\n" (protocol 0: calls the class with the items since the mark). */
  inst(module: string, name: string): this {
    return this.op("i", ascii(`${module}\n${name}\n`));
  }
  obj(): this {
    return this.op("o");
  }
  reduce(): this {
    return this.op("R");
  }
  build(): this {
    return this.op("b");
  }
  newobj(): this {
    return this.op(0x81);
  }
  newobjEx(): this {
    return this.op(0x92);
  }
  memoize(): this {
    return this.op(0x94);
  }
  /** BINPUT (index < 256) or LONG_BINPUT. */
  put(index: number): this {
    return index < 256 ? this.op("q", Uint8Array.of(index)) : this.op("r", uint(index, 4));
  }
  /** Protocol-0 PUT with a decimal index. */
  put0(index: number): this {
    return this.op("p", ascii(`${index}\n`));
  }
  /** BINGET (index < 256) or LONG_BINGET. */
  get(index: number): this {
    return index < 256 ? this.op("h", Uint8Array.of(index)) : this.op("j", uint(index, 4));
  }
  /** Protocol-0 GET with a decimal index. */
  get0(index: number): this {
    return this.op("g", ascii(`${index}\n`));
  }
  emptyTuple(): this {
    return this.op(")");
  }
  tuple(): this {
    return this.op("t");
  }
  tuple1(): this {
    return this.op(0x85);
  }
  tuple2(): this {
    return this.op(0x86);
  }
  tuple3(): this {
    return this.op(0x87);
  }
  emptyList(): this {
    return this.op("]");
  }
  list(): this {
    return this.op("l");
  }
  append(): this {
    return this.op("a");
  }
  appends(): this {
    return this.op("e");
  }
  emptyDict(): this {
    return this.op("}");
  }
  dict(): this {
    return this.op("d");
  }
  setitem(): this {
    return this.op("s");
  }
  setitems(): this {
    return this.op("u");
  }
  emptySet(): this {
    return this.op(0x8f);
  }
  additems(): this {
    return this.op(0x90);
  }
  frozenset(): this {
    return this.op(0x91);
  }
  binpersid(): this {
    return this.op("Q");
  }
  persid(id: string): this {
    return this.op("P", ascii(`${id}\n`));
  }
  ext1(code: number): this {
    return this.op(0x82, Uint8Array.of(code));
  }
  ext2(code: number): this {
    return this.op(0x83, uint(code, 2));
  }
  ext4(code: number): this {
    return this.op(0x84, uint(code, 4));
  }
  nextBuffer(): this {
    return this.op(0x97);
  }
  readonlyBuffer(): this {
    return this.op(0x98);
  }

  /** Calls module.name with the given string arguments: GLOBAL, args tuple, REDUCE. */
  call(module: string, name: string, ...args: string[]): this {
    this.global(module, name).mark();
    for (const arg of args) this.unicode(arg);
    return this.tuple().reduce();
  }

  get length(): number {
    return this.parts.length;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Concatenates byte arrays (several pickles back to back, a header and a body). */
export function concatBytes(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function uint(value: number, width: number): Uint8Array {
  const bytes = new Uint8Array(width);
  let rest = BigInt(value);
  for (let i = 0; i < width; i++) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

function int32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, value, true);
  return bytes;
}
