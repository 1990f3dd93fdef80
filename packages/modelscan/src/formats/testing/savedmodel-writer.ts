import { kerasSavedMetadataProto, savedModelProto } from "../tf-savedmodel/savedmodel-proto.js";

export interface TestNode {
  name: string;
  op: string;
  input?: string[];
  attr?: { key: string; value: Record<string, unknown> }[];
}

export const constString = (name: string, ...values: string[]): TestNode => ({
  name,
  op: "Const",
  attr: [{ key: "value", value: { tensor: { dtype: 7, stringVal: values.map((v) => Buffer.from(v)) } } }],
});

/** A SavedModel with one serving meta graph, the given graph nodes and functions. */
export function savedModelBytes(
  nodes: TestNode[],
  functions: { name: string; nodes: TestNode[] }[] = [],
  assets: { tensor: string; filename: string }[] = [],
): Uint8Array {
  return savedModelProto
    .encode(
      savedModelProto.fromObject({
        savedModelSchemaVersion: 1,
        metaGraphs: [
          {
            metaInfoDef: { tags: ["serve"], tensorflowVersion: "2.15.0" },
            graphDef: {
              node: nodes,
              library: { function: functions.map((f) => ({ signature: { name: f.name }, nodeDef: f.nodes })) },
            },
            assetFileDef: assets.map((a) => ({ tensorInfo: { name: a.tensor }, filename: a.filename })),
          },
        ],
      }),
    )
    .finish();
}

/** The graph of an ordinary model with its saver: the file name comes from a placeholder. */
export function benignSavedModel(
  extra: TestNode[] = [],
  functions: { name: string; nodes: TestNode[] }[] = [],
): Uint8Array {
  return savedModelBytes(
    [
      { name: "x", op: "Placeholder" },
      { name: "dense/kernel", op: "VarHandleOp" },
      { name: "dense/MatMul/ReadVariableOp", op: "ReadVariableOp", input: ["dense/kernel"] },
      { name: "dense/MatMul", op: "MatMul", input: ["x", "dense/MatMul/ReadVariableOp"] },
      { name: "saver_filename", op: "Placeholder" },
      constString("save/tensor_names", "dense/kernel/.ATTRIBUTES/VARIABLE_VALUE"),
      constString("save/shape_and_slices", ""),
      {
        name: "save/SaveV2",
        op: "SaveV2",
        input: ["saver_filename", "save/tensor_names", "save/shape_and_slices", "dense/kernel"],
      },
      {
        name: "save/RestoreV2",
        op: "RestoreV2",
        input: ["saver_filename", "save/tensor_names", "save/shape_and_slices"],
      },
      { name: "save/Merge", op: "MergeV2Checkpoints", input: ["save/prefixes", "saver_filename"] },
      ...extra,
    ],
    [{ name: "__inference_call_42", nodes: [{ name: "relu", op: "Relu", input: ["x"] }] }, ...functions],
  );
}

export function kerasMetadataBytes(metadata: object[]): Uint8Array {
  return kerasSavedMetadataProto
    .encode(
      kerasSavedMetadataProto.fromObject({
        nodes: metadata.map((m, i) => ({
          nodeId: i,
          nodePath: i === 0 ? "root" : `root.layer-${i}`,
          identifier: "_tf_keras_layer",
          metadata: JSON.stringify(m),
        })),
      }),
    )
    .finish();
}
