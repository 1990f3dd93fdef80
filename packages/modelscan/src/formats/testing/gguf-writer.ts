/** Builds GGUF files in memory for tests. */
export type GgufValue =
  | { type: "u8" | "u32" | "i32" | "f32" | "bool"; value: number }
  | { type: "u64"; value: bigint }
  | { type: "string"; value: string }
  | { type: "array"; items: GgufValue[]; itemType: number };

export interface GgufTensor {
  name: string;
  dims: number[];
  type: number;
  offset: number;
}

const typeIds = { u8: 0, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10 } as const;

class Writer {
  private chunks: number[] = [];
  constructor(private readonly little: boolean) {}
  u8(v: number) {
    this.chunks.push(v & 0xff);
  }
  fixed(bytes: number, set: (view: DataView) => void) {
    const b = new Uint8Array(bytes);
    set(new DataView(b.buffer));
    this.chunks.push(...b);
  }
  u32(v: number) {
    this.fixed(4, (d) => d.setUint32(0, v, this.little));
  }
  u64(v: bigint | number) {
    this.fixed(8, (d) => d.setBigUint64(0, BigInt(v), this.little));
  }
  raw(bytes: Uint8Array) {
    this.chunks.push(...bytes);
  }
  get length() {
    return this.chunks.length;
  }
  bytes() {
    return Uint8Array.from(this.chunks);
  }
}

export function ggufBytes(options: {
  version?: number;
  bigEndian?: boolean;
  metadata: [string, GgufValue][];
  tensors?: GgufTensor[];
  dataBytes?: number;
  alignment?: number;
}): Uint8Array {
  const version = options.version ?? 3;
  const w = new Writer(!options.bigEndian);
  const count = (n: number | bigint) => (version >= 2 ? w.u64(n) : w.u32(Number(n)));
  const string = (s: string) => {
    const b = new TextEncoder().encode(s);
    count(b.byteLength);
    w.raw(b);
  };
  const value = (v: GgufValue) => {
    switch (v.type) {
      case "u8":
      case "bool":
        return w.u8(v.value);
      case "u32":
        return w.u32(v.value);
      case "i32":
        return w.fixed(4, (d) => d.setInt32(0, v.value, !options.bigEndian));
      case "f32":
        return w.fixed(4, (d) => d.setFloat32(0, v.value, !options.bigEndian));
      case "u64":
        return w.u64(v.value);
      case "string":
        return string(v.value);
      case "array":
        w.u32(v.itemType);
        count(v.items.length);
        for (const item of v.items) value(item);
    }
  };
  w.raw(new TextEncoder().encode("GGUF"));
  w.u32(version);
  const tensors = options.tensors ?? [];
  count(tensors.length);
  count(options.metadata.length);
  for (const [key, v] of options.metadata) {
    string(key);
    w.u32(typeIds[v.type]);
    value(v);
  }
  for (const t of tensors) {
    string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) count(d);
    w.u32(t.type);
    w.u64(t.offset);
  }
  const alignment = options.alignment ?? 32;
  while (w.length % alignment !== 0) w.u8(0);
  w.raw(new Uint8Array(options.dataBytes ?? 0));
  return w.bytes();
}

export const str = (value: string): GgufValue => ({ type: "string", value });

/** An ordinary ChatML-style template, written for these tests. */
export const chatmlTemplate =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** A small model: architecture metadata, a token list, a chat template and two F32/Q8_0 tensors. */
export function benignGguf(
  template = chatmlTemplate,
  options: { bigEndian?: boolean; version?: number } = {},
): Uint8Array {
  const tokens = ["<s>", "</s>", "hello", "world", "▁the"].map(str);
  return ggufBytes({
    ...options,
    metadata: [
      ["general.architecture", str("llama")],
      ["general.name", str("tiny")],
      ["general.alignment", { type: "u32", value: 32 }],
      ["llama.context_length", { type: "u32", value: 2048 }],
      ["tokenizer.ggml.tokens", { type: "array", itemType: 8, items: tokens }],
      ["tokenizer.ggml.scores", { type: "array", itemType: 6, items: tokens.map(() => ({ type: "f32", value: 0 })) }],
      ["tokenizer.chat_template", str(template)],
    ],
    tensors: [
      { name: "token_embd.weight", dims: [8, 5], type: 0, offset: 0 },
      { name: "blk.0.attn_q.weight", dims: [32, 2], type: 8, offset: 160 },
    ],
    dataBytes: 160 + 68,
  });
}
