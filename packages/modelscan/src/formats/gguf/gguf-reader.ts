import type { ByteSource } from "../../scan/byte-source.js";
import { BufferedCursor, TruncatedError } from "../shared/buffered-cursor.js";
import { GGML_MAX_DIMS, GGUF_TYPE, ggmlTypes, ggufScalarSize } from "./ggml-types.js";

/** A problem found while reading the file's structure; `rule` is the last part of a gguf.* rule id. */
export interface GgufProblem {
  rule: "header" | "metadata" | "tensor-info" | "alignment";
  location: string;
  title: string;
  detail: string;
}

export interface GgufContents {
  version: number;
  littleEndian: boolean;
  /** String values kept because they are analysed (chat templates), by key. */
  templates: Map<string, string>;
  problems: GgufProblem[];
}

/** Longest key read; longer keys are a finding (real keys are dotted names of a few dozen bytes). */
const MAX_KEY_BYTES = 65_536;
const MAX_ARRAY_NESTING = 8;
const DEFAULT_ALIGNMENT = 32;
/** Metadata values walked before the file is called too large (real vocabularies hold ~256k tokens). */
const MAX_METADATA_ITEMS = 5_000_000;
/** Tensors read (real models have at most tens of thousands). */
const MAX_TENSORS = 1_000_000;

class StopReading extends Error {}

/**
 * Walks a GGUF file's header, metadata and tensor infos with bounds checks on every count and
 * length, keeping only the chat templates. Tensor data is never read.
 */
export async function readGguf(source: ByteSource, maxTemplateBytes: number): Promise<GgufContents> {
  const cursor = new BufferedCursor(source, true);
  const contents: GgufContents = { version: 0, littleEndian: true, templates: new Map(), problems: [] };
  const problem = (rule: GgufProblem["rule"], location: string, title: string, detail: string): never => {
    contents.problems.push({ rule, location, title, detail });
    throw new StopReading(title);
  };
  try {
    await cursor.need(8);
    cursor.skip(4); // magic, checked by the sniffer
    let version = cursor.u32();
    if (version > 0xffff) {
      cursor.littleEndian = false;
      contents.littleEndian = false;
      cursor.position = 4;
      version = cursor.u32();
    }
    contents.version = version;
    if (version < 1 || version > 3)
      problem("header", "header", `Unknown GGUF version ${version}`, "Versions 1 to 3 exist.");
    const wide = version >= 2;
    const count = async (): Promise<bigint> => {
      await cursor.need(wide ? 8 : 4);
      return wide ? cursor.u64() : BigInt(cursor.u32());
    };
    const tensorCount = await count();
    const kvCount = await count();
    // Each tensor info takes at least 8+4+8+4+8 bytes (v1: 4+4+4+4+8); each key/value at least 8+4+1.
    if (tensorCount > BigInt(MAX_TENSORS)) {
      problem(
        "header",
        "header",
        "The tensor count is beyond any real model",
        `${tensorCount} tensors announced; the scanner reads at most ${MAX_TENSORS}.`,
      );
    }
    if (tensorCount * 24n > BigInt(cursor.remaining)) {
      problem(
        "header",
        "header",
        "The tensor count does not fit in the file",
        `${tensorCount} tensors announced in ${source.size} bytes.`,
      );
    }
    if (kvCount * 9n > BigInt(cursor.remaining)) {
      problem(
        "header",
        "header",
        "The metadata count does not fit in the file",
        `${kvCount} key/value pairs announced in ${source.size} bytes.`,
      );
    }

    const readString = async (location: string, keep: number): Promise<string | null> => {
      const length = await count();
      if (length > BigInt(cursor.remaining)) {
        problem(
          "metadata",
          location,
          "A string runs past the end of the file",
          `Length ${length} at offset ${cursor.position}.`,
        );
      }
      const n = Number(length);
      if (n > keep) {
        cursor.skip(n);
        return null;
      }
      await cursor.need(n);
      const bytes = cursor.bytes(n);
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        return problem("metadata", location, "A string is not valid UTF-8", `At offset ${cursor.position - n}.`);
      }
    };

    let items = 0;
    const skipValue = async (type: number, location: string, nesting: number): Promise<void> => {
      if (++items > MAX_METADATA_ITEMS)
        problem("metadata", location, "The metadata has too many values", `More than ${MAX_METADATA_ITEMS}.`);
      const scalar = ggufScalarSize[type];
      if (scalar !== undefined) {
        await cursor.need(scalar);
        cursor.skip(scalar);
      } else if (type === GGUF_TYPE.STRING) await readString(location, 0);
      else if (type === GGUF_TYPE.ARRAY) {
        if (nesting >= MAX_ARRAY_NESTING)
          problem("metadata", location, "Arrays are nested too deeply", `More than ${MAX_ARRAY_NESTING} levels.`);
        await cursor.need(4);
        const itemType = cursor.u32();
        const length = await count();
        const itemSize =
          ggufScalarSize[itemType] ??
          (itemType === GGUF_TYPE.STRING ? (wide ? 8 : 4) : itemType === GGUF_TYPE.ARRAY ? 12 : 0);
        if (itemSize === 0)
          problem("metadata", location, `Unknown array item type ${itemType}`, "Value types are 0 to 12.");
        if (length * BigInt(itemSize) > BigInt(cursor.remaining)) {
          problem(
            "metadata",
            location,
            "An array runs past the end of the file",
            `${length} items of type ${itemType} at offset ${cursor.position}.`,
          );
        }
        if (ggufScalarSize[itemType] !== undefined) cursor.skip(Number(length) * itemSize);
        else for (let i = 0n; i < length; i++) await skipValue(itemType, location, nesting + 1);
      } else problem("metadata", location, `Unknown value type ${type}`, "Value types are 0 to 12.");
    };

    let alignment = DEFAULT_ALIGNMENT;
    const keys = new Set<string>();
    for (let i = 0n; i < kvCount; i++) {
      const key = await readString(`metadata #${i}`, MAX_KEY_BYTES);
      if (key === null)
        problem(
          "metadata",
          `metadata #${i}`,
          "A metadata key is too long",
          `Keys longer than ${MAX_KEY_BYTES} bytes are not read.`,
        );
      const name = key as string;
      if (keys.has(name)) {
        contents.problems.push({
          rule: "metadata",
          location: name,
          title: `The metadata key "${name}" appears twice`,
          detail: "Readers keep either copy; keys must be unique.",
        });
      }
      keys.add(name);
      await cursor.need(4);
      const type = cursor.u32();
      if (name === "tokenizer.chat_template" || name.startsWith("tokenizer.chat_template.")) {
        if (type !== GGUF_TYPE.STRING) {
          contents.problems.push({
            rule: "metadata",
            location: name,
            title: "A chat template is not a string",
            detail: `Value type ${type}.`,
          });
          await skipValue(type, name, 0);
          continue;
        }
        const start = cursor.position;
        const template = await readString(name, maxTemplateBytes);
        if (template === null) {
          contents.templates.set(name, "");
          contents.problems.push({
            rule: "metadata",
            location: name,
            title: "The chat template is too large to analyse",
            detail: `It takes ${cursor.position - start} bytes; templates above ${maxTemplateBytes} bytes are not analysed.`,
          });
        } else contents.templates.set(name, template);
      } else if (name === "general.alignment") {
        if (type !== GGUF_TYPE.UINT32)
          problem("alignment", name, "general.alignment is not a uint32", `Value type ${type}.`);
        await cursor.need(4);
        alignment = cursor.u32();
        if (alignment === 0 || (alignment & (alignment - 1)) !== 0) {
          problem(
            "alignment",
            name,
            `general.alignment ${alignment} is not a power of two`,
            "The alignment must be a non-zero power of two.",
          );
        }
      } else await skipValue(type, name, 0);
    }

    const tensors: { name: string; offset: bigint; bytes: bigint }[] = [];
    for (let i = 0n; i < tensorCount; i++) {
      const location = `tensor #${i}`;
      const name =
        (await readString(location, MAX_KEY_BYTES)) ??
        problem("tensor-info", location, "A tensor name is too long", "");
      await cursor.need(4);
      const dims = cursor.u32();
      if (dims === 0 || dims > GGML_MAX_DIMS)
        problem(
          "tensor-info",
          name,
          `Tensor "${name}" has ${dims} dimensions`,
          `ggml tensors have 1 to ${GGML_MAX_DIMS}.`,
        );
      let elements = 1n;
      let first = 0n;
      for (let d = 0; d < dims; d++) {
        const size = await count();
        if (d === 0) first = size;
        elements *= size;
      }
      await cursor.need(12);
      const type = cursor.u32();
      const offset = cursor.u64();
      const info = ggmlTypes.get(type);
      if (!info) {
        contents.problems.push({
          rule: "tensor-info",
          location: name,
          title: `Tensor "${name}" has unknown type ${type}`,
          detail: "Not a ggml type this scanner knows.",
        });
        continue;
      }
      if (first % BigInt(info.block) !== 0n) {
        contents.problems.push({
          rule: "tensor-info",
          location: name,
          title: `Tensor "${name}" does not fill whole ${info.name} blocks`,
          detail: `Its first dimension ${first} is not a multiple of ${info.block}.`,
        });
        continue;
      }
      if (offset % BigInt(alignment) !== 0n) {
        contents.problems.push({
          rule: "tensor-info",
          location: name,
          title: `Tensor "${name}" is not aligned`,
          detail: `Offset ${offset} is not a multiple of ${alignment}.`,
        });
      }
      tensors.push({ name, offset, bytes: (elements / BigInt(info.block)) * BigInt(info.bytes) });
    }
    const dataStart = BigInt(Math.ceil(cursor.position / alignment) * alignment);
    const dataSize = BigInt(source.size) - dataStart;
    for (const tensor of tensors) {
      if (tensor.offset + tensor.bytes > dataSize) {
        contents.problems.push({
          rule: "tensor-info",
          location: tensor.name,
          title: `Tensor "${tensor.name}" lies past the end of the file`,
          detail: `Offset ${tensor.offset} and ${tensor.bytes} bytes against ${dataSize < 0n ? 0n : dataSize} bytes of tensor data.`,
        });
      }
    }
  } catch (error) {
    if (error instanceof TruncatedError) {
      contents.problems.push({
        rule: "header",
        location: `offset ${cursor.position}`,
        title: "The file ends inside its header or metadata",
        detail: error.message,
      });
    } else if (!(error instanceof StopReading)) throw error;
  }
  return contents;
}
