/** Builds safetensors files in memory for tests: a header (given as text or as an object) and data. */
export function safetensorsBytes(
  header: string | object | Uint8Array,
  data: Uint8Array | number = 0,
  pad = true,
): Uint8Array {
  let json: Uint8Array;
  if (header instanceof Uint8Array) json = header;
  else {
    let text = typeof header === "string" ? header : JSON.stringify(header);
    if (pad) while ((8 + Buffer.byteLength(text)) % 8 !== 0) text += " ";
    json = new TextEncoder().encode(text);
  }
  const body = typeof data === "number" ? new Uint8Array(data) : data;
  const out = new Uint8Array(8 + json.byteLength + body.byteLength);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
  out.set(json, 8);
  out.set(body, 8 + json.byteLength);
  return out;
}

/** A real-shaped state dict: an embedding, a linear layer and a bias, with string metadata. */
export function benignSafetensors(): Uint8Array {
  const header = {
    __metadata__: { format: "pt" },
    "embed.weight": { dtype: "F16", shape: [16, 8], data_offsets: [0, 256] },
    "linear.weight": { dtype: "BF16", shape: [8, 4], data_offsets: [256, 320] },
    "linear.bias": { dtype: "F32", shape: [4], data_offsets: [320, 336] },
    "quant.scales": { dtype: "F4", shape: [2, 3], data_offsets: [336, 339] },
    "empty.buffer": { dtype: "I64", shape: [0], data_offsets: [339, 339] },
  };
  return safetensorsBytes(header, 339);
}
