import type { ModelScanSeverity } from "@openaims/contracts";

/**
 * What loading a pickle would import, judged against an allowlist of known-safe constructors.
 * Everything else is suspect: a known code-execution global is critical whether it is called or
 * only imported (a load hands it to whatever calls it next); any other global is high when called
 * and medium when only imported. Unknown is never safe.
 */

/** Python 2 module names a loader maps to their Python 3 names (pickle's fix_imports). */
const python2Modules: Record<string, string> = {
  __builtin__: "builtins",
  exceptions: "builtins",
  copy_reg: "copyreg",
  cPickle: "pickle",
  UserDict: "collections",
  UserList: "collections",
  commands: "subprocess",
};

export function canonicalModule(module: string): string {
  return python2Modules[module] ?? module;
}

const torchDtypes = [
  "float",
  "float32",
  "float64",
  "double",
  "float16",
  "half",
  "bfloat16",
  "float8_e4m3fn",
  "float8_e5m2",
  "float8_e4m3fnuz",
  "float8_e5m2fnuz",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "int8",
  "int16",
  "short",
  "int32",
  "int",
  "int64",
  "long",
  "bool",
  "complex32",
  "complex64",
  "cfloat",
  "complex128",
  "cdouble",
  "qint8",
  "quint8",
  "qint32",
  "quint4x2",
  "quint2x4",
  "strided",
  "sparse_coo",
  "sparse_csr",
  "sparse_csc",
  "sparse_bsr",
  "sparse_bsc",
  "per_tensor_affine",
  "per_channel_affine",
  "per_tensor_symmetric",
  "per_channel_symmetric",
  "per_channel_affine_float_qparams",
  "contiguous_format",
  "channels_last",
  "channels_last_3d",
  "preserve_format",
];

const torchStorages = [
  "FloatStorage",
  "DoubleStorage",
  "HalfStorage",
  "BFloat16Storage",
  "LongStorage",
  "IntStorage",
  "ShortStorage",
  "CharStorage",
  "ByteStorage",
  "BoolStorage",
  "ComplexFloatStorage",
  "ComplexDoubleStorage",
  "QUInt8Storage",
  "QInt8Storage",
  "QInt32Storage",
  "QUInt4x2Storage",
  "QUInt2x4Storage",
  "UntypedStorage",
];

const numpyScalarTypes = [
  "float16",
  "float32",
  "float64",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "bool_",
  "complex64",
  "complex128",
];

/** Fully qualified names (`module.name`) that only build plain data when called. */
const allowlist = new Set<string>([
  "collections.OrderedDict",
  "collections.defaultdict",
  "collections.deque",
  "collections.Counter",
  ...["set", "frozenset", "bytearray", "bytes", "complex", "slice", "list", "dict", "tuple"].map(
    (n) => `builtins.${n}`,
  ),
  ...["int", "float", "bool", "str", "range", "object"].map((n) => `builtins.${n}`),
  "_codecs.encode",
  "copyreg._reconstructor",
  "copyreg.__newobj__",
  "datetime.datetime",
  "datetime.date",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID",
  ...[
    "_rebuild_tensor",
    "_rebuild_tensor_v2",
    "_rebuild_tensor_v3",
    "_rebuild_parameter",
    "_rebuild_parameter_with_state",
    "_rebuild_qtensor",
    "_rebuild_sparse_tensor",
    "_rebuild_nested_tensor",
    "_rebuild_meta_tensor_no_storage",
    "_rebuild_device_tensor_from_numpy",
  ].map((n) => `torch._utils.${n}`),
  ...torchStorages.map((n) => `torch.${n}`),
  "torch.storage.UntypedStorage",
  "torch.storage.TypedStorage",
  "torch.storage._TypedStorage",
  "torch.device",
  "torch.Size",
  "torch.nn.parameter.Parameter",
  ...torchDtypes.map((n) => `torch.${n}`),
  ...["numpy.core", "numpy._core"].flatMap((core) => [
    `${core}.multiarray._reconstruct`,
    `${core}.multiarray.scalar`,
    `${core}.numeric._frombuffer`,
  ]),
  "numpy.ndarray",
  "numpy.dtype",
  ...numpyScalarTypes.map((n) => `numpy.${n}`),
  "joblib.numpy_pickle.NumpyArrayWrapper",
  "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper",
]);

/** Modules (and their submodules) whose globals run code, reach the system or load more pickles. */
const codeExecutionModules = [
  "os",
  "posix",
  "nt",
  "posixpath",
  "ntpath",
  "subprocess",
  "_posixsubprocess",
  "runpy",
  "importlib",
  "imp",
  "zipimport",
  "pkgutil",
  "pip",
  "ensurepip",
  "setuptools",
  "distutils",
  "webbrowser",
  "socket",
  "_socket",
  "ssl",
  "shutil",
  "pty",
  "code",
  "codeop",
  "sys",
  "ctypes",
  "_ctypes",
  "asyncio",
  "multiprocessing",
  "concurrent",
  "threading",
  "_thread",
  "signal",
  "types",
  "marshal",
  "pickle",
  "_pickle",
  "pickletools",
  "shelve",
  "dill",
  "cloudpickle",
  "joblib",
  "pydoc",
  "pdb",
  "bdb",
  "timeit",
  "trace",
  "profile",
  "cProfile",
  "platform",
  "tempfile",
  "glob",
  "io",
  "_io",
  "pathlib",
  "fileinput",
  "linecache",
  "inspect",
  "gc",
  "urllib",
  "urllib2",
  "http",
  "httplib",
  "requests",
  "ftplib",
  "telnetlib",
  "smtplib",
  "xmlrpc",
  "idlelib",
  "lib2to3",
  "_osx_support",
  "_aix_support",
  "_pyrepl",
  "venv",
  "site",
  "torch.jit",
  "torch._C",
  "torch.hub",
  "torch.ops",
  "torch.utils.collect_env",
  "torch._dynamo",
  "torch._inductor",
  "torch.serialization",
  "torch.package",
  "tensorflow",
  "keras",
  "pandas.io",
  "numpy.f2py",
  "numpy.distutils",
  "numpy.testing",
];

/** Single globals that run code, change attributes or load nested pickles. */
const codeExecutionNames = new Set<string>([
  ...[
    "eval",
    "exec",
    "execfile",
    "compile",
    "open",
    "file",
    "__import__",
    "getattr",
    "setattr",
    "delattr",
    "globals",
    "locals",
    "vars",
    "breakpoint",
    "input",
    "help",
    "apply",
    "reload",
    "memoryview",
    "type",
    "super",
    "classmethod",
    "staticmethod",
    "property",
  ].map((n) => `builtins.${n}`),
  "operator.attrgetter",
  "operator.methodcaller",
  "operator.itemgetter",
  "operator.call",
  "functools.partial",
  "functools.reduce",
  "functools.partialmethod",
  "torch.load",
  "torch.storage._load_from_bytes",
  "torch._tensor._rebuild_from_type",
  "torch._tensor._rebuild_from_type_v2",
  "torch._utils._rebuild_wrapper_subclass",
  "numpy.load",
  "numpy.loads",
  "numpy.fromfile",
  "numpy.lib.npyio.load",
  "numpy.core.multiarray.load",
  "pandas.read_pickle",
  "uuid._get_command_stdout",
  "collections.namedtuple",
  "copyreg._reconstruct",
  "copyreg.__newobj_ex__",
]);

export interface GlobalVerdict {
  ruleId: "pickle.code-execution-global" | "pickle.unsafe-call" | "pickle.unsafe-import";
  severity: ModelScanSeverity;
}

export function qualifiedName(module: string, name: string): string {
  return `${canonicalModule(module)}.${name}`;
}

/** True when calling the global only builds plain data (a container, a tensor, an array). */
export function isAllowlisted(module: string, name: string): boolean {
  const canonical = canonicalModule(module);
  if (allowlist.has(`${canonical}.${name}`)) return true;
  // NumPy 2 pickles dtypes by their class in numpy.dtypes (Float64DType, Int32DType, ...).
  return canonical === "numpy.dtypes" && /^[A-Za-z0-9]+DType$/.test(name);
}

/** True for a global known to run code, reach the system, walk attributes or load further pickles. */
export function isCodeExecution(module: string, name: string): boolean {
  const canonical = canonicalModule(module);
  const full = `${canonical}.${name}`;
  if (codeExecutionNames.has(full)) return true;
  if (isAllowlisted(module, name)) return false;
  if (name.split(".").some((part) => part.startsWith("__") && part.endsWith("__") && part.length > 4)) return true;
  return codeExecutionModules.some((root) => full === root || full.startsWith(`${root}.`));
}

/** Null for an allowlisted global; otherwise the rule and severity it falls under. */
export function judgeGlobal(module: string, name: string, called: boolean): GlobalVerdict | null {
  if (isCodeExecution(module, name)) return { ruleId: "pickle.code-execution-global", severity: "critical" };
  if (isAllowlisted(module, name)) return null;
  return called
    ? { ruleId: "pickle.unsafe-call", severity: "high" }
    : { ruleId: "pickle.unsafe-import", severity: "medium" };
}
