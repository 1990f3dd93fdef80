import { describe, expect, it } from "vitest";
import { bytesSource } from "../scan/byte-source.js";
import { scanLimits } from "../scan/limits.js";
import { judgeGlobal } from "./global-policy.js";
import { readPickles } from "./scan-pickle.js";
import { joblibArrayPickle, numpyArrayPickle, torchStateDictPickle } from "./testing/model-pickles.js";
import { concatBytes, PickleWriter } from "./testing/pickle-writer.js";

async function facts(bytes: Uint8Array, limits = {}) {
  const { facts } = await readPickles(bytesSource(bytes), { limits: scanLimits(limits) });
  const globals = [...facts.globals.values()].map((g) => ({
    name: `${g.module}.${g.name}`,
    called: g.called,
    offset: g.offset,
    verdict: judgeGlobal(g.module, g.name, g.called),
  }));
  return { globals, problems: facts.problems.map((p) => p.ruleId) };
}

const pickle = () => new PickleWriter().proto(2);

describe("the pickle emulator", () => {
  it("names a GLOBAL and its REDUCE call, at the GLOBAL's offset", async () => {
    const { globals, problems } = await facts(pickle().call("os", "system", "id").stop().toBytes());
    expect(globals).toEqual([
      {
        name: "os.system",
        called: true,
        offset: 2,
        verdict: { ruleId: "pickle.code-execution-global", severity: "critical" },
      },
    ]);
    expect(problems).toEqual([]);
  });

  it("resolves STACK_GLOBAL from strings recalled from the memo (BINPUT/BINGET, MEMOIZE, PUT/GET)", async () => {
    const w = new PickleWriter().proto(4).unicode("nt").memoize().pop().unicode("system").put(7).pop();
    w.unicode("ignored").put0(9).pop().get(0).get(7).stackGlobalOp().unicode("calc").tuple1().reduce().stop();
    const { globals } = await facts(w.toBytes());
    expect(globals.map((g) => [g.name, g.called, g.verdict?.severity])).toEqual([["nt.system", true, "critical"]]);
  });

  it("judges outside the allowlist: called is high, only imported is medium, allowlisted is nothing", async () => {
    const w = pickle().global("mypkg", "Helper").pop().global("mypkg", "Loader").emptyTuple().reduce().pop();
    w.global("collections", "OrderedDict").emptyTuple().reduce().stop();
    const { globals } = await facts(w.toBytes());
    expect(globals.map((g) => [g.name, g.called, g.verdict])).toEqual([
      ["mypkg.Helper", false, { ruleId: "pickle.unsafe-import", severity: "medium" }],
      ["mypkg.Loader", true, { ruleId: "pickle.unsafe-call", severity: "high" }],
      ["collections.OrderedDict", true, null],
    ]);
  });

  it("counts INST, OBJ, NEWOBJ, NEWOBJ_EX and BUILD on a global as calls", async () => {
    const w = new PickleWriter().mark().string0("x").inst("a", "Inst").pop();
    w.mark().global("b", "Obj").obj().pop();
    w.proto(4).global("c", "New").emptyTuple().newobj().pop();
    w.global("d", "NewEx").emptyTuple().emptyDict().newobjEx().pop();
    w.global("e", "Module").emptyDict().build().stop();
    const { globals, problems } = await facts(w.toBytes());
    expect(globals.map((g) => [g.name, g.called])).toEqual([
      ["a.Inst", true],
      ["b.Obj", true],
      ["c.New", true],
      ["d.NewEx", true],
      ["e.Module", true],
    ]);
    expect(problems).toEqual([]);
  });

  it("flags a call of a call's result and a STACK_GLOBAL built from a computed value", async () => {
    const chain = pickle().call("builtins", "getattr").unicode("x").tuple1().reduce().stop().toBytes();
    expect((await facts(chain)).problems).toEqual(["pickle.indirect-call"]);
    const built = new PickleWriter().proto(4).call("mypkg", "name").unicode("system").stackGlobalOp().stop().toBytes();
    expect((await facts(built)).problems).toEqual(["pickle.unresolved-global"]);
  });

  it("knows the published bypasses as code execution", () => {
    for (const [module, name] of [
      ["runpy", "_run_code"],
      ["pip", "main"],
      ["importlib", "import_module"],
      ["operator", "attrgetter"],
      ["operator", "methodcaller"],
      ["functools", "partial"],
      ["torch.utils.collect_env", "run"],
      ["webbrowser", "open"],
      ["__builtin__", "eval"],
      ["builtins", "getattr"],
      ["torch", "load"],
      ["torch.storage", "_load_from_bytes"],
      ["pickle", "loads"],
      ["subprocess", "Popen"],
      ["ctypes", "CDLL"],
      ["builtins", "object.__subclasses__"],
      ["uuid", "_get_command_stdout"],
    ]) {
      expect(judgeGlobal(module as string, name as string, false)?.severity, `${module}.${name}`).toBe("critical");
    }
  });

  it("checks copyreg._reconstructor's class against the allowlist", async () => {
    const safe = pickle().global("copyreg", "_reconstructor").global("collections", "OrderedDict");
    safe.global("builtins", "object").none().tuple3().reduce().stop();
    expect((await facts(safe.toBytes())).globals.every((g) => g.verdict === null)).toBe(true);
    const unsafe = pickle().global("copy_reg", "_reconstructor").global("mypkg", "Evil");
    unsafe.global("__builtin__", "object").none().tuple3().reduce().stop();
    const { globals } = await facts(unsafe.toBytes());
    expect(globals.find((g) => g.name === "mypkg.Evil")?.verdict?.severity).toBe("high");
  });

  it("reads every pickle written back to back", async () => {
    const bytes = concatBytes(pickle().int(1).stop().toBytes(), pickle().call("os", "system", "id").stop().toBytes());
    const { globals } = await facts(bytes);
    expect(globals.map((g) => [g.name, g.offset])).toEqual([["os.system", 7]]);
  });

  it("treats EXT codes as unknown globals", async () => {
    const { globals } = await facts(pickle().ext1(1).emptyTuple().reduce().stop().toBytes());
    expect(globals[0]?.verdict?.ruleId).toBe("pickle.unsafe-call");
  });

  it("reports a truncated or malformed pickle, keeping what it read before the break", async () => {
    const truncated = pickle().call("os", "system", "id").toBytes();
    expect(await facts(truncated)).toMatchObject({ problems: ["pickle.malformed"], globals: [{ name: "os.system" }] });
    expect((await facts(pickle().raw(0xff).stop().toBytes())).problems).toEqual(["pickle.malformed"]);
    expect((await facts(pickle().get(3).stop().toBytes())).problems).toEqual(["pickle.malformed"]);
    expect(
      (
        await facts(
          pickle()
            .op(0x58, Uint8Array.of(0xff, 0xff, 0xff, 0x7f))
            .toBytes(),
        )
      ).problems,
    ).toEqual(["pickle.malformed"]);
    expect((await facts(new PickleWriter().proto(9).none().stop().toBytes())).problems).toEqual(["pickle.malformed"]);
  });

  it("stops at the memo and stack limits with a finding", async () => {
    const memo = pickle().none();
    for (let i = 0; i < 20; i++) memo.put(i);
    expect((await facts(memo.stop().toBytes(), { maxMemoEntries: 10 })).problems).toEqual(["pickle.limit-exceeded"]);
    const deep = pickle();
    for (let i = 0; i < 50; i++) deep.mark();
    expect((await facts(deep.toBytes(), { maxStackDepth: 20 })).problems).toEqual(["pickle.limit-exceeded"]);
  });

  it("accepts every opcode of protocols 0 to 5", async () => {
    const w = new PickleWriter()
      .proto(5)
      .frame(0)
      .mark()
      .none()
      .bool(true)
      .bool(false)
      .int(5)
      .int(300)
      .int(70000)
      .int(-3);
    w.long1(123456789n)
      .long1(-1n)
      .op(0x8b, Uint8Array.of(1, 0, 0, 0, 7))
      .float(1.5)
      .op("F", new TextEncoder().encode("2.5\n"));
    w.op("I", new TextEncoder().encode("01\n")).op("L", new TextEncoder().encode("12L\n"));
    w.string0("s")
      .shortBinString("t")
      .op("T", Uint8Array.of(1, 0, 0, 0, 0x41))
      .unicode0("v")
      .unicode("x".repeat(300));
    w.op(0x8d, Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0x42))
      .bytes(Uint8Array.of(1))
      .bytes(new Uint8Array(300));
    w.op(0x8e, Uint8Array.of(2, 0, 0, 0, 0, 0, 0, 0, 1, 2))
      .bytearray8(Uint8Array.of(9))
      .nextBuffer()
      .readonlyBuffer();
    w.persid("0")
      .int(1)
      .binpersid()
      .tuple()
      .put(1)
      .put0(2)
      .get(1)
      .get0(2)
      .op("j", Uint8Array.of(1, 0, 0, 0));
    w.op("r", Uint8Array.of(9, 0, 0, 0))
      .memoize()
      .pop()
      .pop()
      .pop()
      .dup()
      .pop();
    w.emptyList().mark().int(1).int(2).appends().int(3).append().mark().int(4).list().pop();
    w.emptyDict().mark().int(1).int(2).setitems().int(3).int(4).setitem().mark().int(5).int(6).dict().pop();
    w.emptySet().mark().int(1).additems().mark().int(2).frozenset().pop().pop();
    w.emptyTuple().int(1).tuple1().int(1).int(2).tuple2().int(1).int(2).int(3).tuple3().mark().tuple().pop().pop();
    w.pop().pop().mark().int(1).popMark().pop().stop();
    const { globals, problems } = await facts(w.toBytes());
    expect(problems).toEqual([]);
    expect(globals).toEqual([]);
  });

  it("passes real-shaped PyTorch, NumPy and joblib pickles with no finding", async () => {
    for (const bytes of [
      torchStateDictPickle(["fc.weight", "fc.bias", "out.weight"]),
      numpyArrayPickle(),
      numpyArrayPickle("numpy._core"),
      joblibArrayPickle(),
      joblibArrayPickle(3, "<i4"),
    ]) {
      const result = await facts(bytes);
      expect(result.problems).toEqual([]);
      expect(result.globals.filter((g) => g.verdict !== null)).toEqual([]);
    }
  });

  it("also reads a joblib array's bytes as opcodes, as a plain pickle.load would run them", async () => {
    const payload = new PickleWriter().call("os", "system", "id").toBytes();
    const w = new PickleWriter().proto(4).global("joblib.numpy_pickle", "NumpyArrayWrapper").emptyTuple().newobj();
    w.emptyDict().mark().unicode("shape").int(payload.byteLength).tuple1().unicode("dtype").global("numpy", "dtype");
    w.unicode("u1").bool(false).bool(true).tuple3().reduce().setitems().build();
    const bytes = concatBytes(w.toBytes(), payload, Uint8Array.of(0x2e));
    const { globals, problems } = await facts(bytes);
    expect(problems).toEqual([]);
    expect(globals.find((g) => g.name === "os.system")).toMatchObject({ called: true, offset: w.length });
  });

  it("emulates the pickle of a joblib object array after its wrapper", async () => {
    const w = new PickleWriter().proto(4).global("joblib.numpy_pickle", "NumpyArrayWrapper").emptyTuple().newobj();
    w.emptyDict().mark().unicode("shape").int(1).tuple1().unicode("dtype").global("numpy", "dtype");
    w.unicode("O8").bool(false).bool(true).tuple3().reduce().setitems().build();
    const inner = new PickleWriter().proto(2).call("posix", "system", "id").stop().toBytes();
    const bytes = concatBytes(w.toBytes(), inner, Uint8Array.of(0x2e));
    const { globals, problems } = await facts(bytes);
    expect(problems).toEqual([]);
    expect(globals.find((g) => g.name === "posix.system")?.verdict?.severity).toBe("critical");
  });
});
