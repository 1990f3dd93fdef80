import { readTarMembers } from "../../archive/tar-members.js";
import { sliceSource } from "../../archive/zip-directory.js";
import { scanPickleStream } from "../../pickle/scan-pickle.js";
import type { FormatScanner } from "../../scan/format-scanner.js";

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
      if (member.name !== "pickle" && member.name !== "storages" && member.name !== "sys_info") continue;
      // `storages` starts with a pickle of the storage count; `pickle` and `sys_info` are pickles.
      const count = member.name === "storages" ? 1 : undefined;
      await scanPickleStream(
        sliceSource(source, member.dataOffset, member.size),
        context,
        count === undefined ? {} : { count },
        member.name,
      );
    }
  },
};
