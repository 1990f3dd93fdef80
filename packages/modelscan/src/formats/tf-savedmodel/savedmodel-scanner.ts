import type { ByteSource } from "../../scan/byte-source.js";
import type { FormatScanner, RawFinding, ScanContext } from "../../scan/format-scanner.js";
import { reportKerasConfig } from "../keras/keras-scanners.js";
import { cappedReporter } from "../shared/capped-reporter.js";
import { type DecodedMessage, messages, ProtoWalkError, text, walkProto } from "../shared/proto-walk.js";
import { escapingLocation } from "../shared/relative-location.js";
import { FILE_READ_OPS, FILE_WRITE_OPS, PATH_CHECKED_OPS, PYTHON_OPS } from "./savedmodel-ops.js";
import { kerasSavedMetadataProto, savedModelProto } from "./savedmodel-proto.js";

/** Which inputs of a path-checked op carry file names. */
const PATH_INPUTS: Record<string, number[]> = {
  MergeV2Checkpoints: [0, 1],
  InitializeTableFromTextFile: [1],
  InitializeTableFromTextFileV2: [1],
};

function startsLikeSavedModel(head: Uint8Array): boolean {
  // saved_model_schema_version = 1, then meta_graphs (field 2) whose first field is meta_info_def (field 1)
  if (head[0] !== 0x08 || head[1] !== 0x01 || head[2] !== 0x12) return false;
  let at = 3;
  while (at < 8 && ((head[at] ?? 0) & 0x80) !== 0) at++;
  return head[at + 1] === 0x0a;
}

/** The kind of SavedModel file, by content (and, for the two small side files, by their fixed names). */
function kindOf(head: Uint8Array, name: string): "saved_model" | "keras_metadata" | "fingerprint" | null {
  if (startsLikeSavedModel(head)) return "saved_model";
  if (name === "saved_model.pb" && (head[0] === 0x12 || head[0] === 0x08)) return "saved_model";
  if (name === "keras_metadata.pb" && head[0] === 0x0a) return "keras_metadata";
  if (name === "fingerprint.pb" && head[0] === 0x08) return "fingerprint";
  return null;
}

/**
 * TensorFlow SavedModel: saved_model.pb's graphs and function library are checked for ops that
 * run Python or read and write files; keras_metadata.pb's layer configs are checked as Keras
 * configs; fingerprint.pb is recognised. The variables folder is data, scanned by the engine.
 */
export const savedModelScanner: FormatScanner = {
  format: "tf_savedmodel",
  sniff(head, _size, name) {
    return kindOf(head, name) !== null;
  },
  async scan(source, context) {
    const head = await source.read(0, 16);
    const kind = kindOf(head, context.name);
    if (kind === "fingerprint" || kind === null) return;
    const sink = cappedReporter(context);
    try {
      if (kind === "keras_metadata") await scanKerasMetadata(source, context, sink.report);
      else await scanSavedModel(source, sink.report);
    } catch (error) {
      if (!(error instanceof ProtoWalkError)) throw error;
      sink.report({
        ruleId: error.kind === "limit" ? "savedmodel.limit" : "savedmodel.malformed",
        location: "",
        title:
          error.kind === "limit"
            ? "The SavedModel was not read to the end"
            : "The file is not a valid SavedModel protocol buffer",
        detail: `The reader stopped: ${error.message}.`,
      });
    } finally {
      sink.finish();
    }
  },
};

async function scanKerasMetadata(
  source: ByteSource,
  context: ScanContext,
  report: (f: RawFinding) => void,
): Promise<void> {
  const metadata = await walkProto(source, kerasSavedMetadataProto, {
    maxDepth: 8,
    maxFields: 1_000_000,
    maxStringBytes: Math.min(context.limits.maxStructureBytes, 16 * 1024 * 1024),
  });
  for (const node of messages(metadata, "nodes")) {
    const json = text(node, "metadata");
    if (json) reportKerasConfig(json, `keras_metadata node "${text(node, "nodePath") || node.nodeId}"`, report);
  }
}

async function scanSavedModel(source: ByteSource, report: (f: RawFinding) => void): Promise<void> {
  const model = await walkProto(source, savedModelProto, { maxDepth: 32, maxFields: 2_000_000, maxStringBytes: 4096 });
  messages(model, "metaGraphs").forEach((meta, i) => {
    const graph = messages(meta, "graphDef")[0];
    const scope = `meta_graph[${i}]`;
    // TF1 asset constants keep the path they had at export; the loader replaces it with the asset's
    // place inside the model's folder, so their value is not where the op will read.
    const assets = new Set(
      messages(meta, "assetFileDef").map((a) => text(messages(a, "tensorInfo")[0], "name").split(":")[0] ?? ""),
    );
    checkNodes(messages(graph, "node"), scope, report, assets);
    for (const fn of messages(messages(graph, "library")[0], "function")) {
      checkNodes(
        messages(fn, "nodeDef"),
        `${scope} function "${text(messages(fn, "signature")[0], "name")}"`,
        report,
        new Set(),
      );
    }
  });
}

function attr(node: DecodedMessage, key: string): DecodedMessage | undefined {
  return messages(node, "attr").find((a) => text(a, "key") === key)?.value as DecodedMessage | undefined;
}

function checkNodes(
  nodes: DecodedMessage[],
  scope: string,
  report: (f: RawFinding) => void,
  assets: ReadonlySet<string>,
): void {
  const constStrings = new Map<string, string[]>();
  for (const node of nodes) {
    if (text(node, "op") !== "Const" || assets.has(text(node, "name"))) continue;
    const tensor = messages(attr(node, "value"), "tensor")[0];
    const values = (tensor?.stringVal as string[] | undefined) ?? [];
    if (values.length > 0) constStrings.set(text(node, "name"), values);
  }
  for (const node of nodes) {
    const op = text(node, "op");
    const location = `${scope} node "${text(node, "name")}" (${op})`;
    const finding = (ruleId: string, title: string, detail: string) => report({ ruleId, location, title, detail });
    if (PYTHON_OPS.has(op))
      finding(
        "savedmodel.python-op",
        `The graph calls Python through ${op}`,
        "This op runs a Python function of the serving process; serving the model runs whatever that function does.",
      );
    if (FILE_READ_OPS.has(op))
      finding(
        "savedmodel.file-read-op",
        `The graph reads files with ${op}`,
        "Serving the model reads files (or databases) named at run time, which can leak the host's files into outputs.",
      );
    if (FILE_WRITE_OPS.has(op))
      finding(
        "savedmodel.file-write-op",
        `The graph writes files with ${op}`,
        "Serving the model writes files on the host: it can plant or overwrite files.",
      );
    if (op === "PrintV2") {
      const stream = text(attr(node, "output_stream"), "s");
      if (stream.startsWith("file://"))
        finding(
          "savedmodel.file-write-op",
          `PrintV2 writes to ${stream.slice(0, 200)}`,
          "The op appends tensors to a file on the host.",
        );
    }
    if (op === "DecodeProtoV2" || op === "EncodeProto") {
      const descriptorSource = text(attr(node, "descriptor_source"), "s");
      if (descriptorSource !== "" && descriptorSource !== "local://") {
        finding(
          "savedmodel.file-read-op",
          `${op} reads protocol descriptors from ${descriptorSource.slice(0, 200)}`,
          "The op reads a file named by the graph.",
        );
      }
    }
    if (PATH_CHECKED_OPS.has(op)) {
      const inputs = (node.input as string[] | undefined) ?? [];
      for (const index of PATH_INPUTS[op] ?? [0]) {
        const producer = (inputs[index] ?? "").replace(/^\^/, "").split(":")[0] ?? "";
        for (const path of constStrings.get(producer) ?? []) {
          const why = path === "" ? null : escapingLocation(path);
          if (why)
            finding(
              "savedmodel.fixed-path",
              `${op} is fixed to the path ${path.slice(0, 200)}`,
              `A checkpoint or vocabulary op normally gets its file name when the model is loaded; this graph fixes it to a path outside the model's folder: ${why}.`,
            );
        }
      }
    }
  }
}
