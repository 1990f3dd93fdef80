import { canonicalModule } from "./global-policy.js";
import { MalformedPickle, type PickleReader } from "./pickle-reader.js";

/**
 * A symbolic pickle machine (protocols 0-5): it keeps the stack, the memo and the marks a real
 * load would, but its values are only descriptions, and it never imports or calls anything. What
 * it records is which globals a load would import and which of them it would call.
 */
export type PickleValue =
  | { k: "str"; v: string; opaque?: true }
  | { k: "int"; v: number }
  | { k: "tuple"; items: PickleValue[] }
  | { k: "list" }
  | { k: "dict"; entries: [PickleValue, PickleValue][] }
  | { k: "global"; ref: ImportedGlobal }
  | { k: "call"; callee: PickleValue; args: PickleValue }
  | { k: "other" };

export interface ImportedGlobal {
  module: string;
  name: string;
  /** File offset of the opcode that imported it first. */
  offset: number;
  called: boolean;
  /** File offset of the first call. */
  callOffset?: number;
}

export interface PickleProblem {
  ruleId: "pickle.malformed" | "pickle.indirect-call" | "pickle.unresolved-global" | "pickle.limit-exceeded";
  offset: number;
  message: string;
}

export interface EmulatorLimits {
  maxMemoEntries: number;
  maxStackDepth: number;
  /** Pickles nested in a pickle's stream (joblib object arrays). */
  maxNesting: number;
}

/** What one or more pickles of a file would import and call, keyed `module\nname`. */
export interface PickleFacts {
  globals: Map<string, ImportedGlobal>;
  problems: PickleProblem[];
  /** Opcodes executed, over all pickles read. */
  opcodes: number;
  /**
   * Where joblib array bytes were skipped. A plain pickle.load would run those bytes as opcodes,
   * so the reader of the facts emulates them too.
   */
  skippedArrays: number[];
}

export function emptyFacts(): PickleFacts {
  return { globals: new Map(), problems: [], opcodes: 0, skippedArrays: [] };
}

const MAX_KEPT_STRING = 4096;
const MAX_KEPT_ITEMS = 256;
const OTHER: PickleValue = { k: "other" };

class Stop extends Error {}

/**
 * Runs one pickle from the reader's position to its STOP. Problems (malformed, limits, indirect
 * calls) are added to `facts`; the reader is left after the STOP, or where reading broke off.
 * Returns the value the pickle loads to, or null when it did not end cleanly.
 */
export async function emulatePickle(
  reader: PickleReader,
  facts: PickleFacts,
  limits: EmulatorLimits,
  nesting = 0,
): Promise<PickleValue | null> {
  const machine = new Machine(reader, facts, limits, nesting);
  try {
    return await machine.run();
  } catch (error) {
    if (error instanceof MalformedPickle) {
      facts.problems.push({ ruleId: "pickle.malformed", offset: error.offset, message: error.message });
      return null;
    }
    if (error instanceof Stop) return null;
    throw error;
  }
}

class Machine {
  private stack: PickleValue[] = [];
  private marks: number[] = [];
  private memo = new Map<number, PickleValue>();
  private opOffset = 0;

  constructor(
    private readonly reader: PickleReader,
    private readonly facts: PickleFacts,
    private readonly limits: EmulatorLimits,
    private readonly nesting: number,
  ) {}

  private fail(message: string): never {
    throw new MalformedPickle(message, this.opOffset);
  }

  private limit(message: string): never {
    this.facts.problems.push({ ruleId: "pickle.limit-exceeded", offset: this.opOffset, message });
    throw new Stop();
  }

  private push(value: PickleValue): void {
    if (this.stack.length + this.marks.length >= this.limits.maxStackDepth) {
      this.limit(`the stack grows past ${this.limits.maxStackDepth} entries; the rest of the pickle was not checked`);
    }
    this.stack.push(value);
  }

  private pop(): PickleValue {
    const floor = this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
    if (this.stack.length <= floor) this.fail("an opcode takes a value from an empty stack");
    return this.stack.pop() as PickleValue;
  }

  private top(): PickleValue {
    const floor = this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
    if (this.stack.length <= floor) this.fail("an opcode reads the top of an empty stack");
    return this.stack[this.stack.length - 1] as PickleValue;
  }

  private popMark(): PickleValue[] {
    const mark = this.marks.pop();
    if (mark === undefined) this.fail("an opcode needs a MARK that was never set");
    return this.stack.splice(mark);
  }

  private remember(index: number, value: PickleValue): void {
    if (!this.memo.has(index) && this.memo.size >= this.limits.maxMemoEntries) {
      this.limit(`the memo grows past ${this.limits.maxMemoEntries} entries; the rest of the pickle was not checked`);
    }
    this.memo.set(index, value);
  }

  private recall(index: number): PickleValue {
    const value = this.memo.get(index);
    if (value === undefined) this.fail(`memo entry ${index} is read before it is written`);
    return value;
  }

  private importGlobal(module: string, name: string): PickleValue {
    const key = `${module}\n${name}`;
    let ref = this.facts.globals.get(key);
    if (!ref) {
      ref = { module, name, offset: this.opOffset, called: false };
      this.facts.globals.set(key, ref);
    }
    return { k: "global", ref };
  }

  private markCalled(ref: ImportedGlobal): void {
    if (ref.called) return;
    ref.called = true;
    ref.callOffset = this.opOffset;
  }

  /** A call the load would make: REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ. */
  private call(callee: PickleValue, args: PickleValue): PickleValue {
    if (callee.k === "global") {
      this.markCalled(callee.ref);
      const module = canonicalModule(callee.ref.module);
      if (module === "copyreg" && args.k === "tuple") {
        // _reconstructor(cls, base, state) and __newobj__(cls, ...) build an instance of cls
        // (through base): those classes are what is really called.
        const classes = callee.ref.name === "_reconstructor" ? args.items.slice(0, 2) : args.items.slice(0, 1);
        for (const cls of classes) {
          if (cls.k === "global") this.markCalled(cls.ref);
          else this.indirect("copyreg builds an instance of a class that is not a named global");
        }
      }
    } else {
      this.indirect(
        "the pickle calls a value that is not a named global (the result of another call, a memo or persistent entry)",
      );
    }
    return { k: "call", callee, args };
  }

  private decimal(text: string): number {
    if (!/^\d{1,9}$/.test(text)) this.fail("a memo index is not a decimal number");
    return Number(text);
  }

  private indirect(message: string): void {
    this.facts.problems.push({ ruleId: "pickle.indirect-call", offset: this.opOffset, message });
  }

  private async text(): Promise<string> {
    return new TextDecoder("utf-8", { fatal: false }).decode(await this.reader.line());
  }

  private async str(length: number, encoding: "utf-8" | "latin1"): Promise<PickleValue> {
    if (length > MAX_KEPT_STRING) {
      this.reader.skip(length);
      return { k: "str", v: "", opaque: true };
    }
    const bytes = await this.reader.bytes(length);
    return { k: "str", v: new TextDecoder(encoding === "utf-8" ? "utf-8" : "latin1").decode(bytes) };
  }

  async run(): Promise<PickleValue> {
    const reader = this.reader;
    for (;;) {
      this.opOffset = reader.position;
      const code = await reader.byte();
      this.facts.opcodes++;
      switch (code) {
        case 0x28: // MARK
          if (this.stack.length + this.marks.length >= this.limits.maxStackDepth) {
            this.limit(`marks nest past ${this.limits.maxStackDepth}; the rest of the pickle was not checked`);
          }
          this.marks.push(this.stack.length);
          break;
        case 0x2e: // STOP
          return this.pop();
        case 0x30: {
          // POP: a value, or the mark when nothing is above it
          const floor = this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
          if (this.stack.length > floor) this.stack.pop();
          else if (this.marks.length > 0) this.marks.pop();
          else this.fail("POP on an empty stack");
          break;
        }
        case 0x31: // POP_MARK
          this.popMark();
          break;
        case 0x32: // DUP
          this.push(this.top());
          break;
        case 0x46: // FLOAT
          await reader.line();
          this.push(OTHER);
          break;
        case 0x49: // INT
        case 0x4c: {
          // LONG
          const digits = (await this.text()).replace(/L$/, "");
          if (!/^[+-]?\d+$/.test(digits)) this.fail("a decimal integer is not a number");
          this.push({ k: "int", v: Number(digits) });
          break;
        }
        case 0x4a: // BININT
          this.push({ k: "int", v: await reader.int32() });
          break;
        case 0x4b: // BININT1
          this.push({ k: "int", v: await reader.byte() });
          break;
        case 0x4d: // BININT2
          this.push({ k: "int", v: await reader.uint(2) });
          break;
        case 0x4e: // NONE
        case 0x88: // NEWTRUE
        case 0x89: // NEWFALSE
          this.push(OTHER);
          break;
        case 0x50: // PERSID
          await reader.line();
          this.push(OTHER);
          break;
        case 0x51: // BINPERSID: the loader's persistent_load turns the id into an object
          this.pop();
          this.push(OTHER);
          break;
        case 0x52: {
          // REDUCE
          const args = this.pop();
          const callee = this.pop();
          this.push(this.call(callee, args));
          break;
        }
        case 0x53: {
          // STRING: a quoted Python 2 string literal
          const raw = await this.text();
          const quoted = /^(['"])(.*)\1$/s.exec(raw);
          if (!quoted) this.fail("a STRING argument is not quoted");
          this.push({ k: "str", v: pythonUnescape(quoted[2] ?? "") });
          break;
        }
        case 0x54: // BINSTRING
          this.push(await this.str(await reader.uint(4), "latin1"));
          break;
        case 0x55: // SHORT_BINSTRING
          this.push(await this.str(await reader.byte(), "latin1"));
          break;
        case 0x56: // UNICODE (raw-unicode-escape)
          this.push({ k: "str", v: pythonUnescape(await this.text()) });
          break;
        case 0x58: // BINUNICODE
          this.push(await this.str(await reader.uint(4), "utf-8"));
          break;
        case 0x8c: // SHORT_BINUNICODE
          this.push(await this.str(await reader.byte(), "utf-8"));
          break;
        case 0x8d: // BINUNICODE8
          this.push(await this.str(await reader.uint(8), "utf-8"));
          break;
        case 0x42: // BINBYTES
          reader.skip(await reader.uint(4));
          this.push(OTHER);
          break;
        case 0x43: // SHORT_BINBYTES
          reader.skip(await reader.byte());
          this.push(OTHER);
          break;
        case 0x8e: // BINBYTES8
        case 0x96: // BYTEARRAY8
          reader.skip(await reader.uint(8));
          this.push(OTHER);
          break;
        case 0x61: {
          // APPEND
          this.pop();
          this.top();
          break;
        }
        case 0x65: // APPENDS
          this.popMark();
          this.top();
          break;
        case 0x62: {
          // BUILD: __setstate__ or attribute updates on the target
          const state = this.pop();
          const target = this.top();
          if (target.k === "global") this.markCalled(target.ref);
          else if (target.k === "call" && target.callee.k === "global" && isArrayWrapper(target.callee.ref)) {
            await this.readJoblibArray(state);
          }
          break;
        }
        case 0x63: {
          // GLOBAL
          const module = await this.text();
          const name = await this.text();
          this.push(this.importGlobal(module, name));
          break;
        }
        case 0x69: {
          // INST
          const module = await this.text();
          const name = await this.text();
          const args = this.popMark();
          this.push(this.call(this.importGlobal(module, name), { k: "tuple", items: args.slice(0, MAX_KEPT_ITEMS) }));
          break;
        }
        case 0x6f: {
          // OBJ
          const items = this.popMark();
          const cls = items[0];
          if (!cls) this.fail("OBJ without a class");
          this.push(this.call(cls, { k: "tuple", items: items.slice(1, MAX_KEPT_ITEMS) }));
          break;
        }
        case 0x81: {
          // NEWOBJ
          const args = this.pop();
          this.push(this.call(this.pop(), args));
          break;
        }
        case 0x92: {
          // NEWOBJ_EX
          this.pop();
          const args = this.pop();
          this.push(this.call(this.pop(), args));
          break;
        }
        case 0x93: {
          // STACK_GLOBAL
          const name = this.pop();
          const module = this.pop();
          if (module.k === "str" && name.k === "str" && !module.opaque && !name.opaque) {
            this.push(this.importGlobal(module.v, name.v));
          } else {
            this.facts.problems.push({
              ruleId: "pickle.unresolved-global",
              offset: this.opOffset,
              message: "STACK_GLOBAL takes a module or name that is not a plain string known before the load",
            });
            this.push(OTHER);
          }
          break;
        }
        case 0x82: // EXT1
        case 0x83: // EXT2
        case 0x84: {
          // EXT4: a global named by the copyreg extension registry of the loading process
          const code4 = await reader.uint(code === 0x82 ? 1 : code === 0x83 ? 2 : 4);
          this.push(this.importGlobal("copyreg extension registry", `code ${code4}`));
          break;
        }
        case 0x64: // DICT
          this.push(dictOf(this.popMark()));
          break;
        case 0x7d: // EMPTY_DICT
          this.push({ k: "dict", entries: [] });
          break;
        case 0x73: {
          // SETITEM
          const value = this.pop();
          const key = this.pop();
          const target = this.top();
          if (target.k === "dict" && target.entries.length < MAX_KEPT_ITEMS) target.entries.push([key, value]);
          break;
        }
        case 0x75: {
          // SETITEMS
          const items = this.popMark();
          if (items.length % 2 !== 0) this.fail("SETITEMS with an odd number of items");
          const target = this.top();
          if (target.k === "dict") {
            for (let i = 0; i + 1 < items.length && target.entries.length < MAX_KEPT_ITEMS; i += 2) {
              target.entries.push([items[i] as PickleValue, items[i + 1] as PickleValue]);
            }
          }
          break;
        }
        case 0x67: // GET
          this.push(this.recall(this.decimal(await this.text())));
          break;
        case 0x68: // BINGET
          this.push(this.recall(await reader.byte()));
          break;
        case 0x6a: // LONG_BINGET
          this.push(this.recall(await reader.uint(4)));
          break;
        case 0x70: // PUT
          this.remember(this.decimal(await this.text()), this.top());
          break;
        case 0x71: // BINPUT
          this.remember(await reader.byte(), this.top());
          break;
        case 0x72: // LONG_BINPUT
          this.remember(await reader.uint(4), this.top());
          break;
        case 0x94: // MEMOIZE
          this.remember(this.memo.size, this.top());
          break;
        case 0x6c: // LIST
          this.popMark();
          this.push({ k: "list" });
          break;
        case 0x5d: // EMPTY_LIST
          this.push({ k: "list" });
          break;
        case 0x74: // TUPLE
          this.push({ k: "tuple", items: this.popMark().slice(0, MAX_KEPT_ITEMS) });
          break;
        case 0x29: // EMPTY_TUPLE
          this.push({ k: "tuple", items: [] });
          break;
        case 0x85: // TUPLE1
          this.push({ k: "tuple", items: [this.pop()] });
          break;
        case 0x86: {
          // TUPLE2
          const b = this.pop();
          this.push({ k: "tuple", items: [this.pop(), b] });
          break;
        }
        case 0x87: {
          // TUPLE3
          const c = this.pop();
          const b = this.pop();
          this.push({ k: "tuple", items: [this.pop(), b, c] });
          break;
        }
        case 0x47: // BINFLOAT
          reader.skip(8);
          this.push(OTHER);
          break;
        case 0x80: {
          // PROTO
          const version = await reader.byte();
          if (version > 5) this.fail(`unsupported pickle protocol ${version}`);
          break;
        }
        case 0x8a: {
          // LONG1
          const length = await reader.byte();
          this.push(littleEndianInt(await reader.bytes(length)));
          break;
        }
        case 0x8b: {
          // LONG4
          const length = await reader.int32();
          if (length < 0) this.fail("LONG4 with a negative length");
          reader.skip(length);
          this.push(OTHER);
          break;
        }
        case 0x8f: // EMPTY_SET
          this.push(OTHER);
          break;
        case 0x90: // ADDITEMS
          this.popMark();
          this.top();
          break;
        case 0x91: // FROZENSET
          this.popMark();
          this.push(OTHER);
          break;
        case 0x95: {
          // FRAME: only a hint for buffered readers; opcodes continue inside it
          const length = await reader.uint(8);
          if (length > reader.remaining) this.fail("a FRAME is longer than the rest of the file");
          break;
        }
        case 0x97: // NEXT_BUFFER: an out-of-band buffer the loader supplies
          this.push(OTHER);
          break;
        case 0x98: // READONLY_BUFFER
          this.top();
          break;
        default:
          this.fail(`unknown opcode 0x${code.toString(16).padStart(2, "0")}`);
      }
    }
  }

  /**
   * joblib writes each array's bytes straight after the BUILD of its NumpyArrayWrapper, and an
   * object array as a pickle of its own there: skip the former, emulate the latter.
   */
  private async readJoblibArray(state: PickleValue): Promise<void> {
    const field = (name: string): PickleValue | undefined =>
      state.k === "dict" ? state.entries.find(([key]) => key.k === "str" && key.v === name)?.[1] : undefined;
    const dtype = dtypeCode(field("dtype"));
    const shape = field("shape");
    if (field("numpy_array_alignment_bytes")?.k === "int") this.reader.skip(await this.reader.byte());
    if (dtype === "object") {
      if (this.nesting >= this.limits.maxNesting) this.limit("joblib object arrays nest too deep");
      await emulatePickle(this.reader, this.facts, this.limits, this.nesting + 1);
      return;
    }
    if (dtype === null || shape?.k !== "tuple" || shape.items.some((item) => item.k !== "int")) {
      this.fail("a joblib array's dtype or shape cannot be read, so the bytes after it cannot be found");
    }
    const count = shape.items.reduce((product, item) => product * (item.k === "int" ? item.v : 0), 1);
    if (this.facts.skippedArrays.length < MAX_KEPT_ITEMS) this.facts.skippedArrays.push(this.reader.position);
    this.reader.skip(count * dtype);
  }
}

function isArrayWrapper(ref: ImportedGlobal): boolean {
  return ref.name === "NumpyArrayWrapper" && /(^|\.)joblib\.numpy_pickle$/.test(ref.module);
}

/** Item size of a numpy.dtype(...) call such as dtype('<f8'), or "object" for dtype('O8'). */
function dtypeCode(value: PickleValue | undefined): number | "object" | null {
  if (value?.k !== "call" || value.args.k !== "tuple") return null;
  const spec = value.args.items[0];
  if (spec?.k !== "str") return null;
  const match = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(spec.v);
  if (!match) return null;
  if (match[1] === "O") return "object";
  if (match[1] === "U") return 4 * Number(match[2] || 1);
  if (match[1] === "?" || match[1] === "b" || match[1] === "B") return Number(match[2] || 1);
  return match[2] ? Number(match[2]) : null;
}

function dictOf(items: PickleValue[]): PickleValue {
  const entries: [PickleValue, PickleValue][] = [];
  for (let i = 0; i + 1 < items.length && entries.length < MAX_KEPT_ITEMS; i += 2) {
    entries.push([items[i] as PickleValue, items[i + 1] as PickleValue]);
  }
  return { k: "dict", entries };
}

function littleEndianInt(bytes: Uint8Array): PickleValue {
  if (bytes.byteLength > 6) return OTHER;
  let value = 0;
  for (let i = bytes.byteLength - 1; i >= 0; i--) value = value * 256 + (bytes[i] as number);
  if (bytes.byteLength > 0 && (bytes[bytes.byteLength - 1] as number) >= 0x80) value -= 2 ** (8 * bytes.byteLength);
  return { k: "int", v: value };
}

/** Python escapes in protocol-0 string arguments (\\n, \\xNN, \\uNNNN, quotes). */
function pythonUnescape(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, sequence: string) => {
    if (/^[xuU]/.test(sequence)) {
      const point = Number.parseInt(sequence.slice(1), 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : "\ufffd";
    }
    return ({ n: "\n", t: "\t", r: "\r", "0": "\0" } as Record<string, string>)[sequence] ?? sequence;
  });
}
