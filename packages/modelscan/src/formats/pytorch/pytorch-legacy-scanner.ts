import { readTarMembers } from "../../archive/tar-members.js";
import { sliceSource } from "../../archive/zip-directory.js";
import { emptyFacts, emulatePickle } from "../../pickle/emulator.js";
import { PickleReader } from "../../pickle/pickle-reader.js";
import { reportPickleFacts, scanPickleStream } from "../../pickle/scan-pickle.js";
import type { ByteSource } from "../../scan/byte-source.js";
import type { FormatScanner, ScanContext } from "../../scan/format-scanner.js";

/** The magic number legacy torch.save pickles first: LONG1 of 0x1950a86a20f9469cfc6c. */
const MAGIC = Uint8Array.of(0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19);

const TAR_MEMBERS = new Set(["storages", "tensors", "pickle", "sys_info"]);

function startsWithMagic(head: Uint8Array): boolean {
  return head.byteLength >= MAGIC.byteLength && MAGIC.every((byte, i) => head[i] === byte);
}

/**
 * Legacy PyTorch checkpoints. The stream form (torch.save before 1.6, or without the zip format)
 * writes five pickles back to back — magic number, protocol version, system info, the object tree
 * and the storage keys — then raw storages, which are not read. The older tar form holds
 * `storages`, `tensors` and `pickle` members; the pickles of `pickle` and `storages` are emulated.
 */
export const pytorchLegacyScanner: FormatScanner = {
  format: "pytorch_legacy",
  sniff(head) {
    if (startsWithMagic(head)) return true;
    if (head.byteLength < 512) return false;
    const name = new TextDecoder("latin1").decode(head.subarray(0, 100)).replace(/\0.*$/s, "");
    return TAR_MEMBERS.has(name) && new TextDecoder("latin1").decode(head.subarray(257, 262)) === "ustar";
  },
  async scan(source, context) {
    const head = await source.read(0, MAGIC.byteLength);
    if (startsWithMagic(head)) {
      await scanPickleStream(source, context, { count: 5 });
      return;
    }
    const { members, error } = await readTarMembers(source, 16);
    const pickle = members.find((member) => member.name === "pickle");
    if (!pickle || error) {
      context.report({
        ruleId: "pytorch.malformed",
        location: "",
        title: "Broken legacy PyTorch archive",
        detail: error ?? "The tar form of a legacy checkpoint has no `pickle` member.",
      });
    }
    for (const member of members) {
      const content = sliceSource(source, member.dataOffset, member.size);
      if (member.name === "pickle" || member.name === "sys_info") {
        await scanPickleStream(content, context, {}, member.name);
      } else if (member.name === "storages") {
        await scanStorages(content, context);
      }
    }
  },
};

/** Bytes per element of the legacy storage classes. */
const elementSizes: Record<string, number> = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  BFloat16Storage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8,
  QUInt8Storage: 1,
  QInt8Storage: 1,
  QInt32Storage: 4,
};

/**
 * The `storages` member: a pickle of the storage count, then per storage a pickle of
 * `(key, location, storage class)`, an 8-byte element count and the raw elements. Every one of
 * those pickles is emulated; the raw bytes are skipped by the size the storage class gives.
 */
async function scanStorages(content: ByteSource, context: ScanContext): Promise<void> {
  const reader = new PickleReader(content);
  const facts = emptyFacts();
  const limits = {
    maxMemoEntries: context.limits.maxMemoEntries,
    maxStackDepth: context.limits.maxStackDepth,
    maxNesting: context.limits.maxArchiveDepth,
  };
  const count = await emulatePickle(reader, facts, limits);
  let stopped = count?.k !== "int";
  for (let i = 0; !stopped && count?.k === "int" && i < count.v && reader.remaining > 0; i++) {
    const entry = await emulatePickle(reader, facts, limits);
    const storage = entry?.k === "tuple" ? entry.items[2] : undefined;
    const size = storage?.k === "global" ? elementSizes[storage.ref.name] : undefined;
    if (size === undefined) {
      stopped = true;
      break;
    }
    try {
      const elements = await reader.uint(8);
      reader.skip(elements * size);
    } catch {
      stopped = true;
    }
  }
  reportPickleFacts(facts, context, "storages");
  if (stopped && facts.problems.length === 0) {
    context.report({
      ruleId: "pytorch.malformed",
      location: "storages",
      title: "The storages member cannot be followed to its end",
      detail:
        "A storage record is not (key, location, storage class) followed by its elements, so the pickles after it were not checked.",
    });
  }
}
