import protobuf from "protobufjs";

/**
 * A fuller ONNX descriptor than the scanner's, for writing test models with weights (raw_data,
 * dims, data types) that the scanner must skip. Field numbers as published in onnx.proto.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    ModelProto: {
      fields: {
        irVersion: { type: "int64", id: 1 },
        producerName: { type: "string", id: 2 },
        producerVersion: { type: "string", id: 3 },
        graph: { type: "GraphProto", id: 7 },
        opsetImport: { rule: "repeated", type: "OperatorSetIdProto", id: 8 },
        functions: { rule: "repeated", type: "FunctionProto", id: 25 },
      },
    },
    OperatorSetIdProto: { fields: { domain: { type: "string", id: 1 }, version: { type: "int64", id: 2 } } },
    GraphProto: {
      fields: {
        node: { rule: "repeated", type: "NodeProto", id: 1 },
        name: { type: "string", id: 2 },
        initializer: { rule: "repeated", type: "TensorProto", id: 5 },
        input: { rule: "repeated", type: "ValueInfoProto", id: 11 },
        output: { rule: "repeated", type: "ValueInfoProto", id: 12 },
      },
    },
    ValueInfoProto: { fields: { name: { type: "string", id: 1 } } },
    NodeProto: {
      fields: {
        input: { rule: "repeated", type: "string", id: 1 },
        output: { rule: "repeated", type: "string", id: 2 },
        name: { type: "string", id: 3 },
        opType: { type: "string", id: 4 },
        attribute: { rule: "repeated", type: "AttributeProto", id: 5 },
        domain: { type: "string", id: 7 },
      },
    },
    AttributeProto: {
      fields: {
        name: { type: "string", id: 1 },
        i: { type: "int64", id: 3 },
        t: { type: "TensorProto", id: 5 },
        g: { type: "GraphProto", id: 6 },
        type: { type: "int32", id: 20 },
      },
    },
    TensorProto: {
      fields: {
        dims: { rule: "repeated", type: "int64", id: 1 },
        dataType: { type: "int32", id: 2 },
        name: { type: "string", id: 8 },
        rawData: { type: "bytes", id: 9 },
        externalData: { rule: "repeated", type: "StringStringEntryProto", id: 13 },
        dataLocation: { type: "int32", id: 14 },
      },
    },
    StringStringEntryProto: { fields: { key: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
    FunctionProto: {
      fields: {
        name: { type: "string", id: 1 },
        input: { rule: "repeated", type: "string", id: 4 },
        output: { rule: "repeated", type: "string", id: 5 },
        node: { rule: "repeated", type: "NodeProto", id: 7 },
        opsetImport: { rule: "repeated", type: "OperatorSetIdProto", id: 9 },
        domain: { type: "string", id: 10 },
      },
    },
  },
});

const ModelProto = root.lookupType("ModelProto");

export function onnxBytes(model: Record<string, unknown>): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

export const externalTensor = (name: string, location: string, dataLocation = 1) => ({
  name,
  dims: [4],
  dataType: 1,
  dataLocation,
  externalData: [
    { key: "location", value: location },
    { key: "offset", value: "0" },
    { key: "length", value: "16" },
  ],
});

/** A small real-shaped model: MatMul + Add + Relu with inline weights, an If with a subgraph, an external tensor. */
export function benignOnnx(
  extra: { nodes?: object[]; initializers?: object[]; opsets?: object[]; functions?: object[] } = {},
): Uint8Array {
  const weight = { name: "W", dims: [4, 4], dataType: 1, rawData: new Uint8Array(64).fill(7) };
  const thenBranch = { name: "then", node: [{ opType: "Identity", input: ["x"], output: ["y"] }] };
  return onnxBytes({
    irVersion: 8,
    producerName: "pytorch",
    producerVersion: "2.3.0",
    opsetImport: [{ domain: "", version: 17 }, { domain: "ai.onnx.ml", version: 3 }, ...(extra.opsets ?? [])],
    graph: {
      name: "main_graph",
      input: [{ name: "x" }],
      output: [{ name: "z" }],
      initializer: [weight, externalTensor("emb", "weights/emb.bin"), ...(extra.initializers ?? [])],
      node: [
        { name: "mm", opType: "MatMul", input: ["x", "W"], output: ["a"] },
        { name: "relu", opType: "Relu", domain: "ai.onnx", input: ["a"], output: ["b"] },
        {
          name: "cond",
          opType: "If",
          input: ["c"],
          output: ["z"],
          attribute: [{ name: "then_branch", type: 5, g: thenBranch }],
        },
        ...(extra.nodes ?? []),
      ],
    },
    functions: extra.functions ?? [],
  });
}
