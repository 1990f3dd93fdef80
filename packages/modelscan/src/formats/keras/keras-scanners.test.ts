import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8, zip } from "../../testing/corpus-writers.js";
import { dense, h5Bytes, kerasBytes, layer, MARSHAL_CODE, sequential } from "../testing/keras-writer.js";
import { head, runScanner } from "../testing/run-scanner.js";
import { kerasH5Scanner, kerasZipScanner } from "./keras-scanners.js";

const benign = sequential([dense("dense", 8), dense("dense_1", 1)]);

describe(".keras scanner", () => {
  it("recognises a .keras zip by its first member, passes a standard model and hands the weights to the engine", async () => {
    const bytes = kerasBytes(benign);
    expect(kerasZipScanner.sniff(head(bytes), bytes.byteLength, "x.zip")).toBe(true);
    const run = await runScanner(kerasZipScanner, bytes);
    expect(run.findings).toEqual([]);
    expect(run.nested.map((n) => n.path)).toEqual(["model.weights.h5"]);
    expect(kerasH5Scanner.sniff(head(run.nested[0]?.bytes ?? new Uint8Array()), 0, "model.weights.h5")).toBe(true);
  });

  it("does not take another zip for a Keras model", async () => {
    const other = zip([{ name: "archive/data.pkl", data: utf8("x") }]);
    expect(kerasZipScanner.sniff(head(other), other.byteLength, "model.keras")).toBe(false);
  });

  it.each([
    [
      "a Keras 3 lambda with bytecode",
      layer("Lambda", {
        name: "lam",
        function: { class_name: "__lambda__", config: { code: MARSHAL_CODE, defaults: null, closure: null } },
      }),
      "keras.lambda",
      "critical",
    ],
    [
      "a Keras 2 lambda",
      {
        class_name: "Lambda",
        config: { name: "lam", function: [MARSHAL_CODE, null, null], function_type: "lambda", module: "__main__" },
      },
      "keras.lambda",
      "critical",
    ],
    [
      "a lambda naming a function",
      layer("Lambda", { name: "lam", function: "my_helpers.scale", function_type: "function", module: "my_helpers" }),
      "keras.lambda",
      "high",
    ],
    [
      "a function from os (CVE-2025-1550 shape)",
      layer("Dense", {
        name: "d",
        units: 1,
        activation: { module: "os", class_name: "function", config: "system", registered_name: "system" },
      }),
      "keras.function-reference",
      "critical",
    ],
    [
      "a function from builtins",
      layer("Dense", {
        name: "d",
        units: 1,
        kernel_regularizer: { module: "builtins", class_name: "function", config: "exec", registered_name: null },
      }),
      "keras.function-reference",
      "critical",
    ],
    [
      "Keras's own get_file named from the config",
      layer("Dense", {
        name: "d",
        units: 1,
        activation: { module: "keras.utils", class_name: "function", config: "get_file", registered_name: null },
      }),
      "keras.function-reference",
      "critical",
    ],
    [
      "safe_mode turned off from the config",
      {
        module: "keras.config",
        class_name: "function",
        config: "enable_unsafe_deserialization",
        registered_name: null,
      },
      "keras.function-reference",
      "critical",
    ],
    [
      "a custom layer",
      { module: "my_pkg.layers", class_name: "MyLayer", config: { name: "mine" }, registered_name: "my_pkg>MyLayer" },
      "keras.custom-object",
      "high",
    ],
    [
      "a TFOpLambda writing files",
      { class_name: "TFOpLambda", config: { name: "tf.io.write_file", function: "io.write_file" } },
      "keras.function-reference",
      "high",
    ],
  ])("flags %s", async (_name, bad, ruleId, severity) => {
    const run = await runScanner(kerasZipScanner, kerasBytes(sequential([dense("dense", 8), bad])));
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toContainEqual([ruleId, severity]);
  });

  it("accepts activations and losses named as Keras functions", async () => {
    const relu = layer("Dense", {
      name: "d",
      units: 1,
      activation: { module: "keras.activations", class_name: "function", config: "relu", registered_name: null },
    });
    const loss = {
      module: "keras.losses",
      class_name: "function",
      config: "mean_squared_error",
      registered_name: null,
    };
    expect((await runScanner(kerasZipScanner, kerasBytes(sequential([relu, loss])))).findings).toEqual([]);
  });

  it("names the layer at fault", async () => {
    const bad = layer("Lambda", {
      name: "sneaky",
      function: { class_name: "__lambda__", config: { code: MARSHAL_CODE } },
    });
    const run = await runScanner(kerasZipScanner, kerasBytes(sequential([bad])));
    expect(run.findings[0]?.location).toBe('config.json: layer "sneaky"');
  });

  it.each([
    ["a member that climbs out", () => kerasBytes(benign, [{ name: "../../.bashrc", data: utf8("curl x | sh") }])],
    [
      "a member that expands too much",
      () => kerasBytes(benign, [{ name: "assets/big.txt", data: new Uint8Array(5_000_000), deflate: true }]),
    ],
    ["no config.json", () => zip([{ name: "metadata.json", data: utf8("{}") }])],
    ["no central directory", () => kerasBytes(benign).subarray(0, 100)],
  ])("flags an archive with %s", async (_name, build) => {
    const run = await runScanner(kerasZipScanner, build());
    expect(run.ruleIds).toContain("keras.archive");
  });

  it("reports a config that is not JSON", async () => {
    expect((await runScanner(kerasZipScanner, kerasBytes('{"class_name": "Sequential", '))).ruleIds).toEqual([
      "keras.config-unreadable",
    ]);
  });

  it("never throws on mutations of a valid model", async () => {
    const valid = kerasBytes(
      sequential([layer("Lambda", { name: "l", function: [MARSHAL_CODE, null, null], function_type: "lambda" })]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const copy = valid.slice();
          for (const [at, value] of edits) copy[at] = value;
          await runScanner(kerasZipScanner, copy);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("legacy Keras HDF5 scanner", () => {
  const legacy = (layers: object[]) =>
    JSON.stringify({
      class_name: "Sequential",
      config: { name: "sequential", layers },
      keras_version: "2.12.0",
      backend: "tensorflow",
    });
  const legacyDense = { class_name: "Dense", config: { name: "dense", units: 8, activation: "relu" } };

  it("passes a standard model and a weights-only file", async () => {
    const bytes = h5Bytes([
      legacy([legacyDense]),
      JSON.stringify({ loss: "mse", optimizer_config: { class_name: "Adam", config: {} } }),
    ]);
    expect(kerasH5Scanner.sniff(head(bytes), bytes.byteLength, "model.bin")).toBe(true);
    expect((await runScanner(kerasH5Scanner, bytes)).findings).toEqual([]);
    expect((await runScanner(kerasH5Scanner, h5Bytes([]))).findings).toEqual([]);
  });

  it("finds a Lambda in model_config whatever the key order and spacing", async () => {
    const lambda = `{ "config" : {"function": ["${MARSHAL_CODE}", null, null], "function_type": "lambda", "name": "lam"},\n "class_name" : "Lambda" }`;
    const text = `{"config": {"layers": [${JSON.stringify(legacyDense)}, ${lambda}], "name": "seq"}, "class_name": "Sequential"}`;
    const run = await runScanner(kerasH5Scanner, h5Bytes([text]));
    expect(run.findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ["keras.lambda", "critical", 'HDF5 attribute text at offset 24: layer "lam"'],
    ]);
  });

  it("finds a custom loss in training_config", async () => {
    const training = JSON.stringify({ loss: { class_name: "function", module: "subprocess", config: "check_output" } });
    const run = await runScanner(kerasH5Scanner, h5Bytes([legacy([legacyDense]), training]));
    expect(run.ruleIds).toEqual(["keras.function-reference"]);
  });

  it("never throws on random bytes after the signature", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(utf8('"class_name"'), utf8("{"), utf8("}"))),
          { maxLength: 20 },
        ),
        async (parts) => {
          await runScanner(kerasH5Scanner, h5Bytes([Buffer.concat(parts).toString("latin1")]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
