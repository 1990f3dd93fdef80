import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanBytes, scanPaths } from "../scan/scan-paths.js";
import { utf8, zip } from "../testing/corpus-writers.js";
import { benignGguf } from "./testing/gguf-writer.js";
import { dense, h5Bytes, kerasBytes, layer, MARSHAL_CODE, sequential } from "./testing/keras-writer.js";
import { benignOnnx } from "./testing/onnx-writer.js";
import { benignSafetensors } from "./testing/safetensors-writer.js";
import { benignSavedModel, kerasMetadataBytes } from "./testing/savedmodel-writer.js";

describe("the non-pickle formats through the engine", () => {
  it.each([
    ["model.safetensors", benignSafetensors(), "safetensors"],
    ["model.gguf", benignGguf(), "gguf"],
    ["model.onnx", benignOnnx(), "onnx"],
    ["saved_model.pb", benignSavedModel(), "tf_savedmodel"],
    ["model.h5", h5Bytes([JSON.stringify({ class_name: "Sequential", config: { layers: [] } })]), "keras_h5"],
  ] as const)("recognises a benign %s by content, with no finding", async (name, bytes, format) => {
    const report = await scanBytes(name.replace(/\..*$/, ".bin"), bytes);
    expect(report.files.map((f) => [f.format, f.status])).toEqual([[format, "scanned"]]);
    expect(report.findings).toEqual([]);
  });

  it("finds a Lambda in a .keras model inside a zip, and scans its weights as HDF5", async () => {
    const model = kerasBytes(
      sequential([
        dense("d", 2),
        layer("Lambda", { name: "lam", function: { class_name: "__lambda__", config: { code: MARSHAL_CODE } } }),
      ]),
    );
    const report = await scanBytes("bundle.zip", zip([{ name: "models/model.keras", data: model }]));
    expect(report.files.map((f) => [f.path, f.format])).toEqual([
      ["bundle.zip", "archive"],
      ["bundle.zip!models/model.keras", "keras_zip"],
      ["bundle.zip!models/model.keras!model.weights.h5", "keras_h5"],
    ]);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual([
      ["keras.lambda", "critical", "bundle.zip!models/model.keras"],
    ]);
  });

  describe("a SavedModel folder", () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), "savedmodel-"));
      await mkdir(join(folder, "variables"));
      const lambda = {
        class_name: "Lambda",
        config: {
          name: "lam",
          function: { class_name: "__tuple__", items: [MARSHAL_CODE, null, null] },
          function_type: "lambda",
        },
      };
      await writeFile(
        join(folder, "saved_model.pb"),
        benignSavedModel([{ name: "w", op: "WriteFile", input: ["p", "d"] }]),
      );
      await writeFile(join(folder, "keras_metadata.pb"), kerasMetadataBytes([{ class_name: "Sequential" }, lambda]));
      await writeFile(join(folder, "fingerprint.pb"), Uint8Array.from([0x08, 0x96, 0x01, 0x10, 0x07]));
      await writeFile(join(folder, "variables", "variables.index"), utf8("not scanned as a model"));
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it("reads each of its protocol buffers and reports the ops and layers at fault", async () => {
      const report = await scanPaths([folder]);
      const formats = Object.fromEntries(report.files.map((f) => [f.path, f.format]));
      expect(formats).toMatchObject({
        "saved_model.pb": "tf_savedmodel",
        "keras_metadata.pb": "tf_savedmodel",
        "fingerprint.pb": "tf_savedmodel",
      });
      expect(report.findings.filter((f) => !f.file.startsWith("variables/")).map((f) => [f.file, f.ruleId])).toEqual([
        ["keras_metadata.pb", "keras.lambda"],
        ["saved_model.pb", "savedmodel.file-write-op"],
      ]);
    });
  });
});
