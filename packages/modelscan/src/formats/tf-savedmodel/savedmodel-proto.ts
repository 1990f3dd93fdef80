import protobuf from "protobufjs";

/**
 * The parts of TensorFlow's saved_model.proto, meta_graph.proto, graph.proto, node_def.proto,
 * function.proto, attr_value.proto and tensor.proto the scanner reads, with their published field
 * numbers, plus Keras's saved_metadata.proto (keras_metadata.pb). Everything else is skipped.
 */
const descriptor = {
  nested: {
    SavedModel: {
      fields: {
        savedModelSchemaVersion: { type: "int64", id: 1 },
        metaGraphs: { rule: "repeated", type: "MetaGraphDef", id: 2 },
      },
    },
    MetaGraphDef: {
      fields: {
        metaInfoDef: { type: "MetaInfoDef", id: 1 },
        graphDef: { type: "GraphDef", id: 2 },
        assetFileDef: { rule: "repeated", type: "AssetFileDef", id: 6 },
      },
    },
    AssetFileDef: { fields: { tensorInfo: { type: "TensorInfo", id: 1 }, filename: { type: "string", id: 2 } } },
    TensorInfo: { fields: { name: { type: "string", id: 1 } } },
    MetaInfoDef: {
      fields: { tags: { rule: "repeated", type: "string", id: 4 }, tensorflowVersion: { type: "string", id: 5 } },
    },
    GraphDef: {
      fields: { node: { rule: "repeated", type: "NodeDef", id: 1 }, library: { type: "FunctionDefLibrary", id: 2 } },
    },
    FunctionDefLibrary: { fields: { function: { rule: "repeated", type: "FunctionDef", id: 1 } } },
    FunctionDef: {
      fields: { signature: { type: "OpDef", id: 1 }, nodeDef: { rule: "repeated", type: "NodeDef", id: 3 } },
    },
    OpDef: { fields: { name: { type: "string", id: 1 } } },
    NodeDef: {
      fields: {
        name: { type: "string", id: 1 },
        op: { type: "string", id: 2 },
        input: { rule: "repeated", type: "string", id: 3 },
        attr: { rule: "repeated", type: "AttrEntry", id: 5 },
      },
    },
    AttrEntry: { fields: { key: { type: "string", id: 1 }, value: { type: "AttrValue", id: 2 } } },
    AttrValue: {
      fields: {
        list: { type: "ListValue", id: 1 },
        s: { type: "bytes", id: 2 },
        tensor: { type: "TensorProto", id: 8 },
      },
    },
    ListValue: { fields: { s: { rule: "repeated", type: "bytes", id: 2 } } },
    TensorProto: { fields: { dtype: { type: "int32", id: 1 }, stringVal: { rule: "repeated", type: "bytes", id: 8 } } },
    SavedMetadata: { fields: { nodes: { rule: "repeated", type: "SavedObject", id: 1 } } },
    SavedObject: {
      fields: {
        nodeId: { type: "int32", id: 2 },
        nodePath: { type: "string", id: 3 },
        identifier: { type: "string", id: 4 },
        metadata: { type: "string", id: 5 },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);
export const savedModelProto = root.lookupType("SavedModel");
export const kerasSavedMetadataProto = root.lookupType("SavedMetadata");
