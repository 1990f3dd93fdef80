import protobuf from "protobufjs";

/**
 * The parts of onnx.proto the scanner reads, with the published field numbers: operator domains,
 * functions, subgraphs in node attributes, and where tensors keep their data. Everything else (the
 * weights above all) is skipped by length.
 */
const descriptor = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: "int64", id: 1 },
            producerName: { type: "string", id: 2 },
            producerVersion: { type: "string", id: 3 },
            domain: { type: "string", id: 4 },
            graph: { type: "GraphProto", id: 7 },
            opsetImport: { rule: "repeated", type: "OperatorSetIdProto", id: 8 },
            trainingInfo: { rule: "repeated", type: "TrainingInfoProto", id: 20 },
            functions: { rule: "repeated", type: "FunctionProto", id: 25 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: "string", id: 1 }, version: { type: "int64", id: 2 } } },
        TrainingInfoProto: {
          fields: { initialization: { type: "GraphProto", id: 1 }, algorithm: { type: "GraphProto", id: 2 } },
        },
        GraphProto: {
          fields: {
            node: { rule: "repeated", type: "NodeProto", id: 1 },
            name: { type: "string", id: 2 },
            initializer: { rule: "repeated", type: "TensorProto", id: 5 },
            sparseInitializer: { rule: "repeated", type: "SparseTensorProto", id: 15 },
          },
        },
        NodeProto: {
          fields: {
            name: { type: "string", id: 3 },
            opType: { type: "string", id: 4 },
            attribute: { rule: "repeated", type: "AttributeProto", id: 5 },
            domain: { type: "string", id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: "string", id: 1 },
            t: { type: "TensorProto", id: 5 },
            g: { type: "GraphProto", id: 6 },
            tensors: { rule: "repeated", type: "TensorProto", id: 10 },
            graphs: { rule: "repeated", type: "GraphProto", id: 11 },
            sparseTensor: { type: "SparseTensorProto", id: 22 },
            sparseTensors: { rule: "repeated", type: "SparseTensorProto", id: 23 },
          },
        },
        TensorProto: {
          fields: {
            name: { type: "string", id: 8 },
            externalData: { rule: "repeated", type: "StringStringEntryProto", id: 13 },
            dataLocation: { type: "int32", id: 14 },
          },
        },
        SparseTensorProto: {
          fields: { values: { type: "TensorProto", id: 1 }, indices: { type: "TensorProto", id: 2 } },
        },
        StringStringEntryProto: { fields: { key: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
        FunctionProto: {
          fields: {
            name: { type: "string", id: 1 },
            node: { rule: "repeated", type: "NodeProto", id: 7 },
            opsetImport: { rule: "repeated", type: "OperatorSetIdProto", id: 9 },
            domain: { type: "string", id: 10 },
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);
export const onnxModelProto = root.lookupType("onnx.ModelProto");
