import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { onnxScanner } from "../onnx/onnx-scanner.js";
import { MARSHAL_CODE } from "../testing/keras-writer.js";
import { head, runScanner } from "../testing/run-scanner.js";
import { benignSavedModel, constString, kerasMetadataBytes, savedModelBytes } from "../testing/savedmodel-writer.js";
import { savedModelScanner } from "./savedmodel-scanner.js";

describe("SavedModel scanner", () => {
  it("recognises saved_model.pb by content and passes an ordinary graph with its saver", async () => {
    const bytes = benignSavedModel();
    expect(savedModelScanner.sniff(head(bytes), bytes.byteLength, "anything.pb")).toBe(true);
    expect(onnxScanner.sniff(head(bytes), bytes.byteLength, "anything.pb")).toBe(true); // why SavedModel is tried first
    expect((await runScanner(savedModelScanner, bytes, { name: "saved_model.pb" })).findings).toEqual([]);
  });

  it.each([
    [
      "ReadFile",
      [constString("path", "/etc/passwd"), { name: "read", op: "ReadFile", input: ["path"] }],
      "savedmodel.file-read-op",
    ],
    ["MatchingFiles", [{ name: "glob", op: "MatchingFiles", input: ["pattern"] }], "savedmodel.file-read-op"],
    ["WriteFile", [{ name: "write", op: "WriteFile", input: ["path", "data"] }], "savedmodel.file-write-op"],
    ["EagerPyFunc", [{ name: "py", op: "EagerPyFunc", input: ["x"] }], "savedmodel.python-op"],
    ["PyFunc", [{ name: "py", op: "PyFunc", input: ["x"] }], "savedmodel.python-op"],
    [
      "PrintV2 to a file",
      [
        {
          name: "print",
          op: "PrintV2",
          input: ["x"],
          attr: [{ key: "output_stream", value: { s: Buffer.from("file:///tmp/leak") } }],
        },
      ],
      "savedmodel.file-write-op",
    ],
    ["DebugIdentity", [{ name: "dbg", op: "DebugIdentity", input: ["x"] }], "savedmodel.file-write-op"],
    [
      "a SaveV2 fixed to an absolute path",
      [
        constString("evil_path", "/etc/cron.d/job"),
        { name: "evil_save", op: "SaveV2", input: ["evil_path:0", "t", "s", "v"] },
      ],
      "savedmodel.fixed-path",
    ],
    [
      "a vocabulary read from outside",
      [
        constString("vocab", "../../../home/user/.ssh/id_rsa"),
        { name: "table", op: "InitializeTableFromTextFileV2", input: ["h", "vocab"] },
      ],
      "savedmodel.fixed-path",
    ],
  ])("flags %s", async (_name, nodes, ruleId) => {
    const run = await runScanner(savedModelScanner, benignSavedModel(nodes as never));
    expect(run.ruleIds).toEqual([ruleId]);
  });

  it("does not take a TF1 asset constant's export-time path for a fixed path", async () => {
    const nodes = [
      { name: "x", op: "Placeholder" },
      constString("asset_path", "/home/builder/export/assets/vocab.txt"),
      { name: "table_init", op: "InitializeTableFromTextFileV2", input: ["table", "asset_path"] },
    ];
    const withAsset = savedModelBytes(nodes, [], [{ tensor: "asset_path:0", filename: "vocab.txt" }]);
    expect((await runScanner(savedModelScanner, withAsset)).findings).toEqual([]);
    expect((await runScanner(savedModelScanner, savedModelBytes(nodes))).ruleIds).toEqual(["savedmodel.fixed-path"]);
  });

  it("flags ops inside the function library, naming the function", async () => {
    const run = await runScanner(
      savedModelScanner,
      benignSavedModel(
        [],
        [{ name: "__inference_evil_7", nodes: [{ name: "w", op: "WriteFile", input: ["Const:output:0", "x"] }] }],
      ),
    );
    expect(run.findings.map((f) => f.location)).toEqual([
      'meta_graph[0] function "__inference_evil_7" node "w" (WriteFile)',
    ]);
  });

  it("checks keras_metadata.pb as Keras layer configs and recognises fingerprint.pb", async () => {
    const lambda = {
      class_name: "Lambda",
      name: "lambda",
      config: {
        name: "lambda",
        function: { class_name: "__tuple__", items: [MARSHAL_CODE, null, null] },
        function_type: "lambda",
        module: "__main__",
      },
    };
    const metadata = kerasMetadataBytes([{ class_name: "Sequential", name: "sequential" }, lambda]);
    expect(savedModelScanner.sniff(head(metadata), metadata.byteLength, "keras_metadata.pb")).toBe(true);
    const run = await runScanner(savedModelScanner, metadata, { name: "keras_metadata.pb" });
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([["keras.lambda", "critical"]]);
    const fingerprint = Uint8Array.from([0x08, 0x96, 0x01, 0x10, 0x07, 0x18, 0x01]);
    expect(savedModelScanner.sniff(fingerprint, fingerprint.byteLength, "fingerprint.pb")).toBe(true);
    expect((await runScanner(savedModelScanner, fingerprint, { name: "fingerprint.pb" })).findings).toEqual([]);
  });

  it("reports a truncated graph as malformed", async () => {
    const bytes = benignSavedModel();
    expect((await runScanner(savedModelScanner, bytes.subarray(0, bytes.byteLength - 3))).ruleIds).toEqual([
      "savedmodel.malformed",
    ]);
  });

  it("never throws on mutations of a valid graph", async () => {
    const valid = benignSavedModel([{ name: "py", op: "EagerPyFunc" }]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const copy = valid.slice();
          for (const [at, value] of edits) copy[at] = value;
          await runScanner(savedModelScanner, copy, { name: "saved_model.pb" });
        },
      ),
      { numRuns: 400 },
    );
  });
});
