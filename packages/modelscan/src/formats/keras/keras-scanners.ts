import { bytesSource } from "../../scan/byte-source.js";
import type { FormatScanner, RawFinding, ScanContext } from "../../scan/format-scanner.js";
import { cappedReporter } from "../shared/capped-reporter.js";
import { escapingLocation } from "../shared/relative-location.js";
import { parseStrictJson } from "../shared/strict-json.js";
import { readZipDirectory, readZipEntry, sliceSource, ZipError, zipEntryDataOffset } from "../shared/zip-directory.js";
import { findKerasConfigTexts } from "./h5-config-text.js";
import { checkKerasConfig } from "./keras-config.js";

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const KERAS_CONFIG_MEMBERS = new Set(["config.json", "metadata.json"]);

/** Reports the findings of a Keras configuration under the keras.* rules. */
export function reportKerasConfig(text: string, where: string, report: (finding: RawFinding) => void): void {
  let parsed: ReturnType<typeof parseStrictJson>;
  try {
    parsed = parseStrictJson(text);
  } catch (error) {
    report({
      ruleId: "keras.config-unreadable",
      location: where,
      title: "The model configuration is not readable JSON",
      detail: `Keras cannot load it as it is, and the scanner could not check it: ${(error as Error).message}.`,
    });
    return;
  }
  for (const finding of checkKerasConfig(parsed.value, where)) {
    report({
      ruleId: `keras.${finding.kind}`,
      severity: finding.severity,
      location: finding.location,
      title: finding.title,
      detail: finding.detail,
    });
  }
}

function isClassConfig(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && "class_name" in value;
  } catch {
    return false;
  }
}

function firstZipMemberName(head: Uint8Array): string | null {
  if (head.byteLength < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 3 || head[3] !== 4) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const length = view.getUint16(26, true);
  if (30 + length > head.byteLength) return null;
  return new TextDecoder().decode(head.subarray(30, 30 + length));
}

/**
 * Keras v3 `.keras`: a zip whose first member is metadata.json or config.json (the order Keras
 * writes). The config is checked; every other member (weights, assets) is handed back to the
 * engine as a file of its own. Must come before the plain-archive sniffer.
 */
export const kerasZipScanner: FormatScanner = {
  format: "keras_zip",
  sniff(head) {
    const name = firstZipMemberName(head);
    return name !== null && KERAS_CONFIG_MEMBERS.has(name);
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    try {
      await scanKerasZip(source, context, sink.report);
    } finally {
      sink.finish();
    }
  },
};

async function scanKerasZip(
  source: Parameters<FormatScanner["scan"]>[0],
  context: ScanContext,
  report: (f: RawFinding) => void,
) {
  const { limits } = context;
  let entries: Awaited<ReturnType<typeof readZipDirectory>>;
  try {
    entries = await readZipDirectory(source, limits.maxArchiveEntries);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    report({
      ruleId: "keras.archive",
      location: "",
      title: "The .keras archive is not readable",
      detail: error.message,
    });
    return;
  }
  if (!entries.some((e) => e.name === "config.json")) {
    report({
      ruleId: "keras.archive",
      location: "",
      title: "The .keras archive has no config.json",
      detail: "Keras cannot load it; it may be another kind of archive named like a Keras model.",
    });
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) {
      report({
        ruleId: "keras.archive",
        location: entry.name,
        title: `The archive holds ${entry.name} twice`,
        detail:
          "Zip readers disagree on which copy they use, so the scanner and Keras may read different configurations.",
      });
    }
    names.add(entry.name);
    const why = escapingLocation(entry.name);
    if (why) {
      report({
        ruleId: "keras.archive",
        location: entry.name,
        title: `Member "${entry.name.slice(0, 200)}" would be extracted outside the model's folder`,
        detail: `The member's path is unsafe: ${why}.`,
      });
    }
    try {
      if (entry.name === "config.json") {
        const bytes = await readZipEntry(source, entry, limits.maxStructureBytes, limits.maxCompressionRatio);
        reportKerasConfig(new TextDecoder().decode(bytes), "config.json", report);
      } else if (entry.name === "metadata.json" || entry.name.endsWith("/")) {
        // metadata.json holds versions and a date only
      } else if (entry.method === 0) {
        await context.scanNested(
          entry.name,
          sliceSource(source, await zipEntryDataOffset(source, entry), entry.compressedSize),
        );
      } else {
        const bytes = await readZipEntry(source, entry, limits.maxStructureBytes, limits.maxCompressionRatio);
        await context.scanNested(entry.name, bytesSource(bytes));
      }
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      report({
        ruleId: "keras.archive",
        location: entry.name,
        title: `Member ${entry.name.slice(0, 200)} was not read`,
        detail: error.message,
      });
    }
  }
}

/**
 * Legacy Keras HDF5 (`.h5`): the model_config and training_config attributes' JSON text is found
 * by a bounded search of the file (see h5-config-text.ts) and checked like a `.keras` config.
 * A weights-only file has no config and no finding.
 */
export const kerasH5Scanner: FormatScanner = {
  format: "keras_h5",
  sniff(head) {
    return [0, 512, 1024, 2048].some((offset) => HDF5_MAGIC.every((byte, i) => head[offset + i] === byte));
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    const { texts, tooLong } = await findKerasConfigTexts(source, context.limits.maxStructureBytes);
    for (const at of tooLong) {
      sink.report({
        ruleId: "keras.config-unreadable",
        location: `offset ${at}`,
        title: "A model configuration is too large to check",
        detail: `The text around offset ${at} is longer than ${context.limits.maxStructureBytes} bytes.`,
      });
    }
    for (const { offset, text, escaped } of texts) {
      const start = text.indexOf("{");
      const end = text.lastIndexOf("}");
      if (start < 0 || end < start) continue;
      const json = text.slice(start, end + 1);
      // Text found only by a `\u` escape is a configuration only when it is a JSON object naming a class.
      if (escaped && !isClassConfig(json)) continue;
      reportKerasConfig(json, `HDF5 attribute text at offset ${offset + start}`, sink.report);
    }
    sink.finish();
  },
};
