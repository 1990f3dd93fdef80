import { utf8, zip } from "../../testing/corpus-writers.js";

/** A Keras 3 layer object as saving_lib writes it. */
export const layer = (className: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  module: "keras.layers",
  class_name: className,
  config: {
    trainable: true,
    dtype: { module: "keras", class_name: "DTypePolicy", config: { name: "float32" }, registered_name: null },
    ...config,
  },
  registered_name: null,
  build_config: { input_shape: [null, 4] },
  ...extra,
});

export const dense = (name: string, units: number) =>
  layer("Dense", {
    name,
    units,
    activation: "relu",
    use_bias: true,
    kernel_initializer: {
      module: "keras.initializers",
      class_name: "GlorotUniform",
      config: { seed: null },
      registered_name: null,
    },
    bias_initializer: { module: "keras.initializers", class_name: "Zeros", config: {}, registered_name: null },
  });

export const sequential = (layers: object[]) => ({
  module: "keras",
  class_name: "Sequential",
  config: {
    name: "sequential",
    trainable: true,
    layers: [
      {
        module: "keras.layers",
        class_name: "InputLayer",
        config: { batch_shape: [null, 4], name: "input" },
        registered_name: null,
      },
      ...layers,
    ],
  },
  registered_name: null,
  compile_config: {
    optimizer: {
      module: "keras.optimizers",
      class_name: "Adam",
      config: { learning_rate: 0.001 },
      registered_name: null,
    },
    loss: "mse",
  },
});

/** Python bytecode marshalled and base64-encoded, as Keras stores a lambda (0xe3 = code object). */
export const MARSHAL_CODE = Buffer.from([0xe3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x43, 0, 0, 0]).toString(
  "base64",
);

/** An HDF5-shaped file: the signature, binary structure, then the given attribute texts between NULs. */
export function h5Bytes(texts: string[]): Uint8Array {
  const parts: Uint8Array[] = [
    Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 8, 8, 0]),
  ];
  for (const text of texts)
    parts.push(Uint8Array.from([0x01, 0x00, 0x0c, 0x00, 0xff, 0x13, 0x00, 0x00]), utf8(text), new Uint8Array(7));
  parts.push(new Uint8Array(512).map((_, i) => (i * 37) & 0xff));
  return Buffer.concat(parts);
}

/** A .keras zip: metadata.json, config.json, stored weights, as saving_lib writes them. */
export function kerasBytes(
  config: unknown,
  extraMembers: { name: string; data: Uint8Array; deflate?: boolean }[] = [],
): Uint8Array {
  const configText = typeof config === "string" ? config : JSON.stringify(config);
  return zip([
    {
      name: "metadata.json",
      data: utf8(JSON.stringify({ keras_version: "3.3.3", date_saved: "2024-05-01@10:00:00" })),
      deflate: true,
    },
    { name: "config.json", data: utf8(configText), deflate: true },
    { name: "model.weights.h5", data: h5Bytes([]) },
    ...extraMembers,
  ]);
}
