import { deflateSync } from "fflate";

/**
 * Byte writers for the regression corpus: every case is built by writing bytes (pickle opcodes, zip
 * and tar containers, NumPy headers, GGUF, safetensors and ONNX structures), never by unpickling or
 * running anything, and deterministically (no clocks, fixed times in containers).
 */

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function u16(value: number): Uint8Array {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, value, true);
  return b;
}
function u32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value >>> 0, true);
  return b;
}
function i32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, value, true);
  return b;
}
export function u64(value: bigint | number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(value), true);
  return b;
}
function f64be(value: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, value, false);
  return b;
}

/** Opcode assembler for pickles (protocols 0–5), one method per opcode as pickletools names them. */
export class PickleWriter {
  private readonly parts: Uint8Array[] = [];

  raw(bytes: Uint8Array | string): this {
    this.parts.push(typeof bytes === "string" ? latin1(bytes) : bytes);
    return this;
  }
  private op(code: number, ...rest: Uint8Array[]): this {
    this.parts.push(Uint8Array.of(code), ...rest);
    return this;
  }
  proto(version: number) {
    return this.op(0x80, Uint8Array.of(version));
  }
  /** FRAME with the length of the frame's content, written by `framed`. */
  frame(length: number) {
    return this.op(0x95, u64(length));
  }
  stop() {
    return this.op(0x2e);
  }
  mark() {
    return this.op(0x28);
  }
  pop() {
    return this.op(0x30);
  }
  popMark() {
    return this.op(0x31);
  }
  dup() {
    return this.op(0x32);
  }
  none() {
    return this.op(0x4e);
  }
  newTrue() {
    return this.op(0x88);
  }
  newFalse() {
    return this.op(0x89);
  }
  /** Protocol 0 `GLOBAL module\nname\n`; `sep` lets a case play with odd line ends. */
  global(module: string, name: string, sep = "\n") {
    return this.op(0x63, latin1(`${module}${sep}${name}${sep}`));
  }
  stackGlobal() {
    return this.op(0x93);
  }
  inst(module: string, name: string) {
    return this.op(0x69, latin1(`${module}\n${name}\n`));
  }
  obj() {
    return this.op(0x6f);
  }
  reduce() {
    return this.op(0x52);
  }
  build() {
    return this.op(0x62);
  }
  newObj() {
    return this.op(0x81);
  }
  newObjEx() {
    return this.op(0x92);
  }
  ext1(code: number) {
    return this.op(0x82, Uint8Array.of(code));
  }
  ext2(code: number) {
    return this.op(0x83, u16(code));
  }
  persId(id: string) {
    return this.op(0x50, latin1(`${id}\n`));
  }
  binPersId() {
    return this.op(0x51);
  }
  int(value: number) {
    return this.op(0x49, latin1(`${value}\n`));
  }
  long(value: string) {
    return this.op(0x4c, latin1(`${value}L\n`));
  }
  float(text: string) {
    return this.op(0x46, latin1(`${text}\n`));
  }
  binFloat(value: number) {
    return this.op(0x47, f64be(value));
  }
  binInt(value: number) {
    return this.op(0x4a, i32(value));
  }
  binInt1(value: number) {
    return this.op(0x4b, Uint8Array.of(value));
  }
  binInt2(value: number) {
    return this.op(0x4d, u16(value));
  }
  long1(bytes: Uint8Array) {
    return this.op(0x8a, Uint8Array.of(bytes.byteLength), bytes);
  }
  /** Protocol 0 quoted STRING. */
  string(text: string) {
    return this.op(0x53, latin1(`'${text}'\n`));
  }
  /** Protocol 0 raw-unicode-escaped UNICODE. */
  unicode(text: string) {
    return this.op(0x56, latin1(`${text}\n`));
  }
  binUnicode(text: string) {
    const bytes = utf8(text);
    return this.op(0x58, u32(bytes.byteLength), bytes);
  }
  shortBinUnicode(text: string) {
    const bytes = utf8(text);
    if (bytes.byteLength > 255) throw new Error("SHORT_BINUNICODE takes at most 255 bytes");
    return this.op(0x8c, Uint8Array.of(bytes.byteLength), bytes);
  }
  shortBinString(text: string) {
    const bytes = latin1(text);
    return this.op(0x55, Uint8Array.of(bytes.byteLength), bytes);
  }
  shortBinBytes(bytes: Uint8Array) {
    return this.op(0x43, Uint8Array.of(bytes.byteLength), bytes);
  }
  binBytes(bytes: Uint8Array) {
    return this.op(0x42, u32(bytes.byteLength), bytes);
  }
  byteArray8(bytes: Uint8Array) {
    return this.op(0x96, u64(bytes.byteLength), bytes);
  }
  emptyTuple() {
    return this.op(0x29);
  }
  tuple() {
    return this.op(0x74);
  }
  tuple1() {
    return this.op(0x85);
  }
  tuple2() {
    return this.op(0x86);
  }
  tuple3() {
    return this.op(0x87);
  }
  emptyList() {
    return this.op(0x5d);
  }
  list() {
    return this.op(0x6c);
  }
  append() {
    return this.op(0x61);
  }
  appends() {
    return this.op(0x65);
  }
  emptyDict() {
    return this.op(0x7d);
  }
  dict() {
    return this.op(0x64);
  }
  setItem() {
    return this.op(0x73);
  }
  setItems() {
    return this.op(0x75);
  }
  emptySet() {
    return this.op(0x8f);
  }
  addItems() {
    return this.op(0x90);
  }
  memoize() {
    return this.op(0x94);
  }
  /** Protocol 0 PUT / GET with a decimal index. */
  put(index: number) {
    return this.op(0x70, latin1(`${index}\n`));
  }
  get(index: number) {
    return this.op(0x67, latin1(`${index}\n`));
  }
  binPut(index: number) {
    return this.op(0x71, Uint8Array.of(index));
  }
  binGet(index: number) {
    return this.op(0x68, Uint8Array.of(index));
  }
  longBinPut(index: number) {
    return this.op(0x72, u32(index));
  }
  longBinGet(index: number) {
    return this.op(0x6a, u32(index));
  }
  /** `module.name` pushed with STACK_GLOBAL from two SHORT_BINUNICODE strings (protocol 4 style). */
  stackGlobalOf(module: string, name: string) {
    return this.shortBinUnicode(module).shortBinUnicode(name).stackGlobal();
  }
  bytes(): Uint8Array {
    return concat(this.parts);
  }
}

/**
 * A protocol 4 pickle as Python writes it: PROTO 4, one FRAME around the body, STOP inside the frame.
 * `body` gets a writer and adds the opcodes between PROTO/FRAME and STOP.
 */
export function framedPickle(body: (w: PickleWriter) => void): Uint8Array {
  const inner = new PickleWriter();
  body(inner);
  inner.stop();
  const content = inner.bytes();
  return concat([new PickleWriter().proto(4).frame(content.byteLength).bytes(), content]);
}

/** A pickle of `callable(*args)` with the callable from GLOBAL (protocols 0–3) or STACK_GLOBAL (4). */
export function reducePickle(
  module: string,
  name: string,
  args: (w: PickleWriter) => void,
  protocol: 0 | 2 | 3 | 4 = 4,
): Uint8Array {
  if (protocol === 4)
    return framedPickle((w) => {
      w.stackGlobalOf(module, name).memoize();
      args(w);
      w.reduce().memoize();
    });
  const w = new PickleWriter();
  if (protocol > 0) w.proto(protocol);
  w.global(module, name);
  protocol === 0 ? w.put(0) : w.binPut(0);
  args(w);
  w.reduce();
  protocol === 0 ? w.put(1) : w.binPut(1);
  return w.stop().bytes();
}

/** Arguments helper: a tuple of strings (TUPLE1/2/3 or MARK…TUPLE). */
export function stringArgs(...values: string[]): (w: PickleWriter) => void {
  return (w) => {
    if (values.length > 3 || values.length === 0) w.mark();
    for (const value of values) w.binUnicode(value);
    if (values.length === 1) w.tuple1();
    else if (values.length === 2) w.tuple2();
    else if (values.length === 3) w.tuple3();
    else w.tuple();
  };
}

// ---- CRC-32 (zip) ----

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- zip ----

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the entry (method 8); stored (method 0) otherwise, as torch.save writes. */
  deflate?: boolean;
  /** The name written in the local header when it must differ from the central directory's. */
  localName?: string;
  /** A CRC written instead of the true one. */
  crcOverride?: number;
  /** General-purpose flag bits written in both headers. */
  flags?: number;
  /**
   * Pad the local header's extra field so the data starts on a multiple of this (torch.save aligns
   * storages on 64 bytes).
   */
  align?: number;
}

/** DOS time and date of 1980-01-01 00:00, the fixed time of every corpus zip entry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A deterministic zip archive (no data descriptors, fixed times, entries in the order given). */
export function zip(entries: readonly ZipEntry[], comment = ""): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    const localName = utf8(entry.localName ?? entry.name);
    const payload = entry.deflate ? deflateSync(entry.data, { level: 6 }) : entry.data;
    const crc = entry.crcOverride ?? crc32(entry.data);
    const method = entry.deflate ? 8 : 0;
    const flags = entry.flags ?? 0;
    let extra: Uint8Array = new Uint8Array(0);
    if (entry.align) {
      const headerEnd = offset + 30 + localName.byteLength;
      const pad = (entry.align - ((headerEnd + 4) % entry.align)) % entry.align;
      // 0x4646 ("FF") is the padding extra-field id torch's writer uses.
      extra = concat([u16(0x4646), u16(pad), new Uint8Array(pad)]);
    }
    const local = concat([
      u32(0x04034b50),
      u16(method === 0 ? 10 : 20),
      u16(flags),
      u16(method),
      u16(DOS_TIME),
      u16(DOS_DATE),
      u32(crc),
      u32(payload.byteLength),
      u32(entry.data.byteLength),
      u16(localName.byteLength),
      u16(extra.byteLength),
      localName,
      extra,
      payload,
    ]);
    centrals.push(
      concat([
        u32(0x02014b50),
        u16(0x031e),
        u16(method === 0 ? 10 : 20),
        u16(flags),
        u16(method),
        u16(DOS_TIME),
        u16(DOS_DATE),
        u32(crc),
        u32(payload.byteLength),
        u32(entry.data.byteLength),
        u16(name.byteLength),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0o100644 << 16),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.byteLength;
  }
  const central = concat(centrals);
  const commentBytes = utf8(comment);
  const end = concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.byteLength),
    u32(offset),
    u16(commentBytes.byteLength),
    commentBytes,
  ]);
  return concat([...locals, central, end]);
}

// ---- tar (ustar) ----

function octal(value: number, width: number): Uint8Array {
  return latin1(`${value.toString(8).padStart(width - 1, "0")}\0`);
}

/** A deterministic ustar archive: regular files, mode 0644, uid/gid 0, mtime 0. */
export function tar(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const header = new Uint8Array(512);
    header.set(utf8(entry.name).subarray(0, 100), 0);
    header.set(octal(0o644, 8), 100);
    header.set(octal(0, 8), 108);
    header.set(octal(0, 8), 116);
    header.set(octal(entry.data.byteLength, 12), 124);
    header.set(octal(0, 12), 136);
    header.fill(0x20, 148, 156);
    header[156] = 0x30;
    header.set(latin1("ustar\u000000"), 257);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.set(latin1(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
    blocks.push(header, entry.data, new Uint8Array((512 - (entry.data.byteLength % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return concat(blocks);
}

// ---- NumPy .npy ----

/**
 * An .npy file: magic, version, header length (2 bytes in format 1.0, 4 bytes in 2.0 and 3.0), the
 * header dict padded to 64 bytes, then the data.
 */
export function npy(
  descr: string,
  shape: readonly number[],
  data: Uint8Array,
  fortran = false,
  version: 1 | 2 | 3 = 1,
): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? "True" : "False"}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const unpadded = prefix + dict.length + 1;
  const padding = (64 - (unpadded % 64)) % 64;
  const header = `${dict}${" ".repeat(padding)}\n`;
  const length = version === 1 ? u16(header.length) : u32(header.length);
  return concat([Uint8Array.of(0x93), latin1("NUMPY"), Uint8Array.of(version, 0), length, latin1(header), data]);
}

export function float32s(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return out;
}
export function int64s(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setBigInt64(i * 8, BigInt(v), true);
  });
  return out;
}

// ---- safetensors ----

export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  data: Uint8Array;
}

/**
 * A safetensors file: u64 header length, the JSON header (padded with spaces to 8 bytes as the
 * reference writer does), then the tensors' bytes back to back. `mutateHeader` lets a case break it.
 */
export function safetensors(
  tensors: readonly SafetensorsTensor[],
  metadata?: Record<string, unknown>,
  mutateHeader?: (header: Record<string, unknown>) => void,
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  for (const tensor of tensors) {
    header[tensor.name] = {
      dtype: tensor.dtype,
      shape: tensor.shape,
      data_offsets: [offset, offset + tensor.data.byteLength],
    };
    offset += tensor.data.byteLength;
  }
  mutateHeader?.(header);
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const jsonBytes = utf8(json);
  return concat([u64(jsonBytes.byteLength), jsonBytes, ...tensors.map((t) => t.data)]);
}

// ---- GGUF ----

export type GgufValue =
  | { type: "u32"; value: number }
  | { type: "i32"; value: number }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "string[]"; value: string[] }
  | { type: "f32[]"; value: number[] }
  | { type: "i32[]"; value: number[] };

const GGUF_TYPE = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

function ggufString(text: string): Uint8Array {
  const bytes = utf8(text);
  return concat([u64(bytes.byteLength), bytes]);
}
function f32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, value, true);
  return b;
}

function ggufValue(value: GgufValue): Uint8Array {
  switch (value.type) {
    case "u32":
      return concat([u32(GGUF_TYPE.u32), u32(value.value)]);
    case "i32":
      return concat([u32(GGUF_TYPE.i32), i32(value.value)]);
    case "f32":
      return concat([u32(GGUF_TYPE.f32), f32(value.value)]);
    case "bool":
      return concat([u32(GGUF_TYPE.bool), Uint8Array.of(value.value ? 1 : 0)]);
    case "string":
      return concat([u32(GGUF_TYPE.string), ggufString(value.value)]);
    case "string[]":
      return concat([
        u32(GGUF_TYPE.array),
        u32(GGUF_TYPE.string),
        u64(value.value.length),
        ...value.value.map(ggufString),
      ]);
    case "f32[]":
      return concat([u32(GGUF_TYPE.array), u32(GGUF_TYPE.f32), u64(value.value.length), ...value.value.map(f32)]);
    case "i32[]":
      return concat([u32(GGUF_TYPE.array), u32(GGUF_TYPE.i32), u64(value.value.length), ...value.value.map(i32)]);
  }
}

export interface GgufTensor {
  name: string;
  dims: number[];
  /** ggml type id: 0 = F32, 1 = F16. */
  type: number;
  data: Uint8Array;
}

/**
 * A GGUF v3 file: magic, version, tensor and KV counts, the KV pairs, the tensor infos, padding to
 * `general.alignment` (32), then the tensor data, each aligned.
 */
export function gguf(
  kv: readonly [string, GgufValue][],
  tensors: readonly GgufTensor[],
  counts?: { tensors?: bigint; kv?: bigint },
): Uint8Array {
  const alignment = 32;
  const infos: Uint8Array[] = [];
  const datas: Uint8Array[] = [];
  let offset = 0;
  for (const tensor of tensors) {
    infos.push(
      concat([
        ggufString(tensor.name),
        u32(tensor.dims.length),
        ...tensor.dims.map((d) => u64(d)),
        u32(tensor.type),
        u64(offset),
      ]),
    );
    const padded = Math.ceil(tensor.data.byteLength / alignment) * alignment;
    const data = new Uint8Array(padded);
    data.set(tensor.data);
    datas.push(data);
    offset += padded;
  }
  const head = concat([
    latin1("GGUF"),
    u32(3),
    u64(counts?.tensors ?? BigInt(tensors.length)),
    u64(counts?.kv ?? BigInt(kv.length)),
    ...kv.map(([key, value]) => concat([ggufString(key), ggufValue(value)])),
    ...infos,
  ]);
  const pad = new Uint8Array((alignment - (head.byteLength % alignment)) % alignment);
  return concat([head, pad, ...datas]);
}

// ---- protobuf (ONNX, SavedModel) ----

export function varint(value: number | bigint): Uint8Array {
  let v = BigInt(value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Uint8Array.from(out);
}

/** A protobuf field: varint (wire type 0) for numbers, length-delimited (2) for bytes and strings. */
export function pbField(field: number, value: number | bigint | string | Uint8Array): Uint8Array {
  if (typeof value === "number" || typeof value === "bigint") return concat([varint(field << 3), varint(value)]);
  const bytes = typeof value === "string" ? utf8(value) : value;
  return concat([varint((field << 3) | 2), varint(bytes.byteLength), bytes]);
}
export const pbMessage = (...fields: Uint8Array[]): Uint8Array => concat(fields);
