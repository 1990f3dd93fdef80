import type { FormatScanner, RawFinding } from "../../scan/format-scanner.js";
import { cappedReporter } from "../shared/capped-reporter.js";
import { isJsonObject, type JsonValue, parseStrictJson, StrictJsonError } from "../shared/strict-json.js";
import { safetensorsDtypeBits } from "./safetensors-dtypes.js";

/** The format's own ceiling on the header (safetensors refuses larger ones). */
export const MAX_SAFETENSORS_HEADER = 100_000_000;

interface TensorRange {
  name: string;
  begin: number;
  end: number;
}

function headerLength(head: Uint8Array): number {
  const view = new DataView(head.buffer, head.byteOffset, 8);
  const high = view.getUint32(4, true);
  // Anything past 2^32 is out of bounds anyway; keep it a safe number.
  return high > 0 ? Number.MAX_SAFE_INTEGER : view.getUint32(0, true);
}

/**
 * safetensors: an 8-byte little-endian header length, a JSON header, then the tensors' bytes.
 * Only the header is read, so a file of any size is checked in milliseconds.
 */
export const safetensorsScanner: FormatScanner = {
  format: "safetensors",
  sniff(head, size) {
    if (head.byteLength < 9) return false;
    if (head[8] !== 0x7b) return false;
    const length = headerLength(head);
    if (length >= 2 && length <= MAX_SAFETENSORS_HEADER && 8 + length <= size) return true;
    // A length out of bounds before a JSON object is still a safetensors file, and a hostile one:
    // the scan reports the length rather than letting the file pass as unknown content.
    const next = head[9];
    return next === 0x22 || next === 0x7d || next === 0x20 || next === 0x0a;
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    const finding = (ruleId: string, location: string, title: string, detail: string) =>
      sink.report({ ruleId, location, title, detail } satisfies RawFinding);
    try {
      const head = await source.read(0, 8);
      const length = head.byteLength === 8 ? headerLength(head) : -1;
      if (length < 2 || length > MAX_SAFETENSORS_HEADER || 8 + length > source.size) {
        finding(
          "safetensors.header-length",
          "header",
          "The header length is out of bounds",
          `The file is ${source.size} bytes; its header length field says ${length < 0 ? "nothing (file shorter than 8 bytes)" : length}. It must be between 2 and ${MAX_SAFETENSORS_HEADER} and fit in the file.`,
        );
        return;
      }
      const bytes = await source.read(8, length);
      checkHeader(bytes, source.size - 8 - length, finding);
    } finally {
      sink.finish();
    }
  },
};

type Report = (ruleId: string, location: string, title: string, detail: string) => void;

function checkHeader(bytes: Uint8Array, dataSize: number, finding: Report): void {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    finding(
      "safetensors.header-json",
      "header",
      "The header is not valid UTF-8",
      "The header bytes are not UTF-8 text.",
    );
    return;
  }
  if (!text.startsWith("{")) {
    finding(
      "safetensors.header-json",
      "header",
      "The header does not start with '{'",
      "The header must begin with a JSON object.",
    );
    return;
  }
  const trimmed = text.replace(/ +$/, "");
  if (/\s$/.test(trimmed)) {
    finding(
      "safetensors.padding",
      "header",
      "The header is padded with characters other than spaces",
      "Only spaces (0x20) may follow the JSON object in the header.",
    );
  }
  let parsed: ReturnType<typeof parseStrictJson>;
  try {
    parsed = parseStrictJson(text);
  } catch (error) {
    const why = error instanceof StrictJsonError ? error.message : "unreadable";
    finding("safetensors.header-json", "header", "The header is not valid JSON", `The JSON parser stopped: ${why}.`);
    return;
  }
  for (const key of parsed.duplicates) {
    finding(
      "safetensors.duplicate-key",
      key,
      `The header repeats the key "${key}"`,
      "Keys of a JSON object must be unique.",
    );
  }
  if (!isJsonObject(parsed.value)) {
    finding(
      "safetensors.header-json",
      "header",
      "The header is not a JSON object",
      "The header must be one JSON object.",
    );
    return;
  }
  const ranges: TensorRange[] = [];
  for (const [name, entry] of Object.entries(parsed.value)) {
    if (name === "__metadata__") checkMetadata(entry, finding);
    else {
      const range = checkTensor(name, entry, dataSize, finding);
      if (range) ranges.push(range);
    }
  }
  checkCoverage(ranges, dataSize, finding);
}

function checkMetadata(entry: JsonValue, finding: Report): void {
  if (!isJsonObject(entry)) {
    finding(
      "safetensors.metadata",
      "__metadata__",
      "__metadata__ is not an object",
      "__metadata__ must map strings to strings.",
    );
    return;
  }
  for (const [key, value] of Object.entries(entry)) {
    if (typeof value !== "string") {
      finding(
        "safetensors.metadata",
        `__metadata__.${key}`,
        `Metadata value "${key}" is not a string`,
        `The value is ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}; metadata values must be strings.`,
      );
    }
  }
}

function checkTensor(name: string, entry: JsonValue, dataSize: number, finding: Report): TensorRange | null {
  const location = `tensor "${name}"`;
  if (!isJsonObject(entry)) {
    finding(
      "safetensors.tensor-entry",
      location,
      `Tensor "${name}" is not an object`,
      "Each tensor entry is an object with dtype, shape and data_offsets.",
    );
    return null;
  }
  const { dtype, shape, data_offsets: offsets } = entry;
  let bits: number | undefined;
  if (typeof dtype !== "string" || !safetensorsDtypeBits.has(dtype)) {
    finding(
      "safetensors.dtype",
      location,
      `Tensor "${name}" has an unknown dtype`,
      `The dtype is ${JSON.stringify(dtype ?? null)}; it must be one of ${[...safetensorsDtypeBits.keys()].join(", ")}.`,
    );
  } else bits = safetensorsDtypeBits.get(dtype);
  let elements: bigint | undefined = 1n;
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === "number" && Number.isSafeInteger(d) && d >= 0)) {
    finding(
      "safetensors.shape",
      location,
      `Tensor "${name}" has an invalid shape`,
      `The shape is ${JSON.stringify(shape ?? null).slice(0, 200)}.`,
    );
    elements = undefined;
  } else for (const d of shape as number[]) elements *= BigInt(d);
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => typeof o === "number" && Number.isSafeInteger(o) && o >= 0)
  ) {
    finding(
      "safetensors.offsets",
      location,
      `Tensor "${name}" has invalid data_offsets`,
      `data_offsets is ${JSON.stringify(offsets ?? null).slice(0, 200)}; it must be two non-negative integers.`,
    );
    return null;
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataSize) {
    finding(
      "safetensors.offsets",
      location,
      `Tensor "${name}" lies outside the data section or its offsets are reversed`,
      `data_offsets [${begin}, ${end}] against a data section of ${dataSize} bytes.`,
    );
    return null;
  }
  if (bits !== undefined && elements !== undefined) {
    const totalBits = elements * BigInt(bits);
    const expected = totalBits / 8n;
    if (totalBits % 8n !== 0n || expected !== BigInt(end - begin)) {
      finding(
        "safetensors.size-mismatch",
        location,
        `Tensor "${name}" takes ${end - begin} bytes, its shape and dtype need ${totalBits % 8n === 0n ? expected : `${totalBits} bits`}`,
        `${elements} elements of ${dtype} (${bits} bits each) against a byte range of ${end - begin}.`,
      );
    }
  }
  return { name, begin, end };
}

function checkCoverage(ranges: TensorRange[], dataSize: number, finding: Report): void {
  ranges.sort((a, b) => a.begin - b.begin || a.end - b.end || (a.name < b.name ? -1 : 1));
  let cursor = 0;
  let previous = "";
  for (const range of ranges) {
    if (range.begin < cursor) {
      finding(
        "safetensors.overlap",
        `tensor "${range.name}"`,
        `Tensor "${range.name}" overlaps tensor "${previous}"`,
        `It starts at byte ${range.begin} of the data section, before the end (${cursor}) of the tensor before it.`,
      );
    } else if (range.begin > cursor) {
      finding(
        "safetensors.unindexed-bytes",
        `data[${cursor}..${range.begin}]`,
        `${range.begin - cursor} bytes before tensor "${range.name}" belong to no tensor`,
        `Bytes ${cursor} to ${range.begin} of the data section are not part of any tensor.`,
      );
    }
    if (range.end >= cursor) {
      cursor = range.end;
      previous = range.name;
    }
  }
  if (cursor < dataSize) {
    finding(
      "safetensors.unindexed-bytes",
      `data[${cursor}..${dataSize}]`,
      `${dataSize - cursor} bytes after the last tensor belong to no tensor`,
      `The data section is ${dataSize} bytes; tensors end at ${cursor}.`,
    );
  }
}
