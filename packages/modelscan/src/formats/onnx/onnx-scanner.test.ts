import fc from "fast-check";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { escapingLocation } from "../shared/relative-location.js";
import { benignOnnx, externalTensor } from "../testing/onnx-writer.js";
import { head, runScanner } from "../testing/run-scanner.js";
import { onnxScanner } from "./onnx-scanner.js";

describe("ONNX scanner", () => {
  it("recognises an ONNX model by content and passes an ordinary one without findings", async () => {
    const bytes = benignOnnx();
    expect(onnxScanner.sniff(head(bytes), bytes.byteLength, "weights.bin")).toBe(true);
    expect((await runScanner(onnxScanner, bytes)).findings).toEqual([]);
  });

  it("does not take a protobuf of another kind or a text file for ONNX", () => {
    expect(onnxScanner.sniff(new TextEncoder().encode("hello world"), 11, "model.onnx")).toBe(false);
    expect(onnxScanner.sniff(new Uint8Array([0x08, 0x01, 0x50, 0x00]), 4, "model.onnx")).toBe(false);
  });

  it("accepts functions defined in the model and their domain", async () => {
    const bytes = benignOnnx({
      opsets: [{ domain: "local.fns", version: 1 }],
      functions: [
        {
          name: "Gelu2",
          domain: "local.fns",
          input: ["x"],
          output: ["y"],
          node: [{ opType: "Relu", input: ["x"], output: ["y"] }],
        },
      ],
      nodes: [{ name: "g", opType: "Gelu2", domain: "local.fns", input: ["b"], output: ["c"] }],
    });
    expect((await runScanner(onnxScanner, bytes)).findings).toEqual([]);
  });

  it("flags a custom operator domain, in the graph and in a subgraph", async () => {
    const inner = {
      name: "body",
      node: [{ name: "evil", opType: "RunShell", domain: "com.attacker", input: ["x"], output: ["y"] }],
    };
    const bytes = benignOnnx({
      opsets: [{ domain: "com.attacker", version: 1 }],
      nodes: [
        { name: "loop", opType: "Loop", input: ["n"], output: ["o"], attribute: [{ name: "body", type: 5, g: inner }] },
      ],
    });
    const run = await runScanner(onnxScanner, bytes);
    expect(run.ruleIds).toEqual(["onnx.custom-operator-domain"]);
    expect(run.findings.map((f) => f.location)).toContain('graph/node "loop" (Loop).body/node "evil" (RunShell)');
    expect(run.findings.every((f) => f.severity === undefined)).toBe(true);
  });

  it("reports ONNX Runtime contrib operators at low severity", async () => {
    const run = await runScanner(
      onnxScanner,
      benignOnnx({ nodes: [{ opType: "FusedMatMul", domain: "com.microsoft", input: [], output: [] }] }),
    );
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([["onnx.custom-operator-domain", "low"]]);
  });

  it.each([
    "/etc/passwd",
    "../../secrets.bin",
    "weights/../../x",
    "C:\\Windows\\win.ini",
    "file:///etc/shadow",
    "\\\\server\\share\\x",
    "~/.ssh/id_rsa",
    "data/NUL",
    "./",
  ])("flags external data at %s", async (location) => {
    const run = await runScanner(onnxScanner, benignOnnx({ initializers: [externalTensor("leak", location)] }));
    expect(run.ruleIds).toEqual(["onnx.external-data-path"]);
    expect(run.findings[0]?.location).toBe('graph/initializer "leak"');
  });

  it("flags an external data path too long to check", async () => {
    const run = await runScanner(
      onnxScanner,
      benignOnnx({ initializers: [externalTensor("long", `${"a/".repeat(3000)}${"../".repeat(3001)}x`)] }),
    );
    expect(run.ruleIds).toEqual(["onnx.external-data-path"]);
  });

  it("flags external data in a Constant node's tensor attribute", async () => {
    const node = {
      name: "c",
      opType: "Constant",
      output: ["k"],
      attribute: [{ name: "value", type: 4, t: externalTensor("k", "/proc/self/environ") }],
    };
    const run = await runScanner(onnxScanner, benignOnnx({ nodes: [node] }));
    expect(run.ruleIds).toEqual(["onnx.external-data-path"]);
  });

  it("flags unknown and inconsistent data locations", async () => {
    const run = await runScanner(
      onnxScanner,
      benignOnnx({ initializers: [externalTensor("odd", "w.bin", 7), { name: "ext", dataLocation: 1 }] }),
    );
    expect(run.ruleIds).toEqual(["onnx.data-location"]);
    expect(run.findings).toHaveLength(3);
  });

  it("reports a truncated model as malformed and a too deeply nested one as a limit", async () => {
    const bytes = benignOnnx();
    expect((await runScanner(onnxScanner, bytes.subarray(0, bytes.byteLength - 5))).ruleIds).toEqual([
      "onnx.malformed",
    ]);
    // graph { node { attribute { g: graph { ... } } } }, nested past what protobufjs itself encodes
    let graph: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 60; i++) {
      const attribute = protobuf.Writer.create().uint32(0x32).bytes(graph).finish();
      const node = protobuf.Writer.create().uint32(0x22).string("If").uint32(0x2a).bytes(attribute).finish();
      graph = protobuf.Writer.create().uint32(0x0a).bytes(node).finish();
    }
    const model = protobuf.Writer.create().uint32(0x08).uint32(8).uint32(0x3a).bytes(graph).finish();
    expect((await runScanner(onnxScanner, model)).ruleIds).toEqual(["onnx.limit"]);
  });

  it("keeps relative locations inside the folder", () => {
    expect(escapingLocation("weights/emb.bin")).toBeNull();
    expect(escapingLocation("a/../b.bin")).toBeNull();
    expect(escapingLocation("a/../../b.bin")).not.toBeNull();
  });

  it("never throws on random bytes or mutations of a valid model", async () => {
    const valid = benignOnnx({ nodes: [{ opType: "X", domain: "com.attacker" }] });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0x08, 0x08, 0x12, ...b])),
          fc
            .array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 6,
            })
            .map((edits) => {
              const copy = valid.slice();
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
        ),
        async (bytes) => {
          await runScanner(onnxScanner, bytes);
        },
      ),
      { numRuns: 400 },
    );
  });
});
