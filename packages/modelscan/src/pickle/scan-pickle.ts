import type { ByteSource } from "../scan/byte-source.js";
import type { ScanContext } from "../scan/format-scanner.js";
import { emptyFacts, emulatePickle, type PickleFacts } from "./emulator.js";
import { judgeGlobal, qualifiedName } from "./global-policy.js";
import { PickleReader } from "./pickle-reader.js";

export interface PickleStreamOptions {
  /** First byte of the first pickle (after a .npy header, say). */
  start?: number;
  /** End of the pickles (exclusive); defaults to the end of the source. */
  end?: number;
  /** Read exactly this many pickles (legacy PyTorch), instead of every one back to back. */
  count?: number;
}

/** The first bytes a pickle of any protocol may begin with (PROTO, or a protocol-0/1 opcode). */
const PICKLE_STARTS = new Set([0x80, ...Array.from("(]})cNIJKMSTUVXdlFGLp", (c) => c.charCodeAt(0))]);

/**
 * Emulates the pickles of a stream and returns what they would import and call, with the offset
 * where reading ended. Several pickles back to back (as legacy PyTorch and repeated `pickle.dump`
 * write them) are all read; bytes after the last one that do not start a pickle end the stream.
 */
export async function readPickles(
  source: ByteSource,
  context: Pick<ScanContext, "limits">,
  options: PickleStreamOptions = {},
): Promise<{ facts: PickleFacts; end: number; pickles: number }> {
  const reader = new PickleReader(source, options.start ?? 0, options.end ?? source.size);
  const facts = emptyFacts();
  const limits = {
    maxMemoEntries: context.limits.maxMemoEntries,
    maxStackDepth: context.limits.maxStackDepth,
    maxNesting: context.limits.maxArchiveDepth,
  };
  let pickles = 0;
  for (;;) {
    const ok = (await emulatePickle(reader, facts, limits)) !== null;
    pickles++;
    if (!ok || reader.remaining === 0) break;
    if (options.count !== undefined ? pickles >= options.count : !PICKLE_STARTS.has((await reader.byte()) ?? 0)) break;
    if (options.count === undefined) reader.position -= 1;
  }
  await readSkippedArraysAsOpcodes(source, facts, limits, options.end ?? source.size);
  return { facts, end: reader.position, pickles };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * joblib reads the bytes after a NumpyArrayWrapper as array data, but pickle.load would run them
 * as opcodes: a file can look like an array to one loader and a payload to the other. Each skipped
 * region is emulated as a pickle too, and the well-formed globals it names are added.
 */
async function readSkippedArraysAsOpcodes(
  source: ByteSource,
  facts: PickleFacts,
  limits: Parameters<typeof emulatePickle>[2],
  end: number,
): Promise<void> {
  for (const start of facts.skippedArrays) {
    const shadow = emptyFacts();
    await emulatePickle(new PickleReader(source, start, end), shadow, limits);
    for (const [key, ref] of shadow.globals) {
      if (facts.globals.has(key) || !IDENTIFIER.test(ref.module) || !IDENTIFIER.test(ref.name)) continue;
      facts.globals.set(key, ref);
    }
  }
}

/** Reports each global once (at the offset that imported it) and each problem the emulator met. */
export function reportPickleFacts(facts: PickleFacts, context: ScanContext, where = ""): void {
  const prefix = where ? `${where} ` : "";
  for (const ref of facts.globals.values()) {
    const verdict = judgeGlobal(ref.module, ref.name, ref.called);
    if (!verdict) continue;
    const name = qualifiedName(ref.module, ref.name);
    const action = ref.called ? "calls" : "imports";
    context.report({
      ruleId: verdict.ruleId,
      severity: verdict.severity,
      location: `${prefix}offset ${ref.offset}`,
      title: `Loading ${action} ${name}`,
      detail:
        verdict.ruleId === "pickle.code-execution-global"
          ? `A load of this pickle ${action} ${name}, which can run commands, reach the system or load further code. Loading the file runs it.`
          : `A load of this pickle ${action} ${name}, which is not among the known-safe constructors.${ref.called ? ` The call is at offset ${ref.callOffset ?? ref.offset}.` : ""}`,
    });
  }
  const seen = new Set<string>();
  for (const problem of facts.problems) {
    const key = `${problem.ruleId}\n${problem.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    context.report({
      ruleId: problem.ruleId,
      location: `${prefix}offset ${problem.offset}`,
      title: titles[problem.ruleId],
      detail: `${capitalise(problem.message)}.`,
    });
  }
}

const titles = {
  "pickle.malformed": "Malformed or truncated pickle",
  "pickle.indirect-call": "Pickle calls something that is not a named global",
  "pickle.unresolved-global": "Pickle builds a global name at load time",
  "pickle.limit-exceeded": "Pickle too large or too deep to check completely",
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Emulates the pickles of a source and reports what they would do: the usual path of a scanner. */
export async function scanPickleStream(
  source: ByteSource,
  context: ScanContext,
  options: PickleStreamOptions = {},
  where = "",
): Promise<PickleFacts> {
  const { facts } = await readPickles(source, context, options);
  reportPickleFacts(facts, context, where);
  return facts;
}
