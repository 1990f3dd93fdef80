import { isEscapingName, readZipDirectory } from "../../archive/zip-directory.js";
import { openMember } from "../../archive/zip-members.js";
import { scanPickleStream } from "../../pickle/scan-pickle.js";
import type { FormatScanner } from "../../scan/format-scanner.js";
import { zipFirstName } from "../archive/zip-archive-scanner.js";

/** Members torch.save writes under its top-level folder (whatever that folder is called). */
const TORCH_MEMBER = /^[^/]+\/(data\.pkl|constants\.pkl|version|\.data\/.+|byteorder|data\/\d+|code\/.+)$/;

/**
 * A PyTorch checkpoint in the zip form torch.save writes since 1.6 (any top-level folder name):
 * every pickle member (data.pkl, constants.pkl and any other *.pkl) is emulated; tensor storages
 * under data/ are not read.
 */
export const pytorchZipScanner: FormatScanner = {
  format: "pytorch_zip",
  sniff(head) {
    const first = zipFirstName(head);
    return first !== null && TORCH_MEMBER.test(first);
  },
  async scan(source, context) {
    let directory: Awaited<ReturnType<typeof readZipDirectory>>;
    try {
      directory = await readZipDirectory(source, context.limits.maxArchiveEntries);
    } catch (error) {
      context.report({
        ruleId: "pytorch.malformed",
        location: "central directory",
        title: "The checkpoint's zip directory cannot be read",
        detail: `${error instanceof Error ? error.message : String(error)}. PyTorch cannot load it and its pickle was not checked.`,
      });
      return;
    }
    const pickles = directory.members.filter((member) => !member.directory && member.name.endsWith(".pkl"));
    if (!pickles.some((member) => /(^|\/)data\.pkl$/.test(member.name))) {
      context.report({
        ruleId: "pytorch.malformed",
        location: "",
        title: "No data.pkl in the checkpoint",
        detail: "A PyTorch zip checkpoint keeps its object tree in <folder>/data.pkl; this one has none.",
      });
    }
    for (const member of directory.members) {
      if (!isEscapingName(member.name)) continue;
      context.report({
        ruleId: "archive.path-traversal",
        location: member.name,
        title: `Entry name leaves the extraction folder: ${member.name}`,
        detail:
          "The entry's name is absolute or climbs out with '..', so extracting this checkpoint can write outside its folder.",
      });
    }
    const budget = { remaining: context.limits.maxUncompressedBytes };
    for (const member of pickles) {
      let opened: Awaited<ReturnType<typeof openMember>>;
      try {
        opened = await openMember(source, member, context, budget);
      } catch (error) {
        // A broken local header or compressed stream: PyTorch cannot load the entry either, and
        // the rest of the checkpoint is still checked.
        context.report({
          ruleId: "pytorch.malformed",
          location: member.name,
          title: `The checkpoint entry ${member.name} cannot be read`,
          detail: `${error instanceof Error ? error.message : String(error)}. Its pickle was not checked.`,
        });
        continue;
      }
      if (!opened) continue;
      try {
        await scanPickleStream(opened.source, context, {}, member.name);
      } finally {
        await opened.dispose();
      }
    }
  },
};
