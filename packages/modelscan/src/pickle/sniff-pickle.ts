/**
 * Recognises a pickle by its first bytes. Protocol 2 and later start with PROTO (0x80, version);
 * protocols 0 and 1 have no magic, so their opcodes are checked for a consistent stack, known memo
 * entries and identifier-shaped global names, which plain text does not pass by chance.
 */
export function looksLikePickle(head: Uint8Array, size: number): boolean {
  if (head.byteLength < 2) return false;
  if (head[0] === 0x80) return (head[1] as number) <= 5 && head.byteLength >= 3;
  return looksLikeHeadlessPickle(head, size);
}

type Arg = "none" | "u1" | "u2" | "u4" | "f8" | "line" | "quoted" | "global" | "len1" | "len4" | "len8";
/** Argument, values popped, values pushed, whether a mark is popped, whether the stack keeps its top. */
type Effect = [arg: Arg, pops: number, pushes: number, popsMark: boolean];

const effects: Record<string, Effect> = {
  "(": ["none", 0, 0, false],
  ".": ["none", 1, 0, false],
  "0": ["none", 1, 0, false],
  "1": ["none", 0, 0, true],
  "2": ["none", 1, 2, false],
  F: ["line", 0, 1, false],
  I: ["line", 0, 1, false],
  L: ["line", 0, 1, false],
  J: ["u4", 0, 1, false],
  K: ["u1", 0, 1, false],
  M: ["u2", 0, 1, false],
  N: ["none", 0, 1, false],
  P: ["line", 0, 1, false],
  Q: ["none", 1, 1, false],
  R: ["none", 2, 1, false],
  S: ["quoted", 0, 1, false],
  T: ["len4", 0, 1, false],
  U: ["len1", 0, 1, false],
  V: ["line", 0, 1, false],
  X: ["len4", 0, 1, false],
  a: ["none", 2, 1, false],
  b: ["none", 2, 1, false],
  c: ["global", 0, 1, false],
  d: ["none", 0, 1, true],
  "}": ["none", 0, 1, false],
  e: ["none", 1, 1, true],
  g: ["line", 0, 1, false],
  h: ["u1", 0, 1, false],
  i: ["global", 0, 1, true],
  j: ["u4", 0, 1, false],
  l: ["none", 0, 1, true],
  "]": ["none", 0, 1, false],
  o: ["none", 0, 1, true],
  p: ["line", 1, 1, false],
  q: ["u1", 1, 1, false],
  r: ["u4", 1, 1, false],
  s: ["none", 3, 1, false],
  t: ["none", 0, 1, true],
  ")": ["none", 0, 1, false],
  u: ["none", 1, 1, true],
  G: ["f8", 0, 1, false],
  B: ["len4", 0, 1, false],
  C: ["len1", 0, 1, false],
  "\x80": ["u1", 0, 0, false],
  "\x81": ["none", 2, 1, false],
  "\x82": ["u1", 0, 1, false],
  "\x83": ["u2", 0, 1, false],
  "\x84": ["u4", 0, 1, false],
  "\x85": ["none", 1, 1, false],
  "\x86": ["none", 2, 1, false],
  "\x87": ["none", 3, 1, false],
  "\x88": ["none", 0, 1, false],
  "\x89": ["none", 0, 1, false],
  "\x8a": ["len1", 0, 1, false],
  "\x8b": ["len4", 0, 1, false],
  "\x8c": ["len1", 0, 1, false],
  "\x8d": ["len8", 0, 1, false],
  "\x8e": ["len8", 0, 1, false],
  "\x8f": ["none", 0, 1, false],
  "\x90": ["none", 1, 1, true],
  "\x91": ["none", 0, 1, true],
  "\x92": ["none", 3, 1, false],
  "\x93": ["none", 2, 1, false],
  "\x94": ["none", 1, 1, false],
  "\x95": ["f8", 0, 0, false],
  "\x96": ["len8", 0, 1, false],
  "\x97": ["none", 0, 1, false],
  "\x98": ["none", 1, 1, false],
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * A pickle without PROTO (protocol 0/1, or later opcodes without the header, which loaders accept).
 * Once a global has been read from a consistent start, the file is a pickle even if it breaks
 * later: a load runs everything before the break.
 */
function looksLikeHeadlessPickle(head: Uint8Array, size: number): boolean {
  const text = new TextDecoder("latin1");
  const marks: number[] = [];
  const memo = new Set<string>();
  let depth = 0;
  let position = 0;
  let opcodes = 0;
  let named = false;
  const line = (): string | null => {
    const end = head.indexOf(0x0a, position);
    if (end < 0) return null;
    const value = text.decode(head.subarray(position, end));
    position = end + 1;
    return value;
  };
  while (position < head.byteLength) {
    const op = String.fromCharCode(head[position] as number);
    const effect = effects[op];
    if (!effect) return named && opcodes > 1;
    position++;
    opcodes++;
    const [arg, pops, pushes, popsMark] = effect;
    let memoKey: string | null = null;
    switch (arg) {
      case "u1":
      case "u2":
      case "u4":
      case "f8": {
        const width = { u1: 1, u2: 2, u4: 4, f8: 8 }[arg];
        if (op === "h" || op === "q") memoKey = String(head[position]);
        if ((op === "j" || op === "r") && position + 4 <= head.byteLength) {
          memoKey = String(new DataView(head.buffer, head.byteOffset).getUint32(position, true));
        }
        position += width;
        break;
      }
      case "line": {
        const value = line();
        if (value === null) return named;
        if ((op === "g" || op === "p") && !/^\d+$/.test(value)) return named;
        if ("IL".includes(op) && !/^-?\d+L?$/.test(value)) return named;
        if (op === "g" || op === "p") memoKey = value;
        break;
      }
      case "quoted": {
        const value = line();
        if (value === null || !/^(['"]).*\1$/.test(value)) return named;
        break;
      }
      case "global": {
        const module = line();
        const name = line();
        if (module === null || name === null || !IDENTIFIER.test(module) || !IDENTIFIER.test(name)) return false;
        named = true;
        break;
      }
      case "len1":
        position += 1 + (head[position] ?? 0);
        break;
      case "len4":
        position +=
          4 + new DataView(head.buffer, head.byteOffset).getUint32(Math.min(position, head.byteLength - 4), true);
        break;
      default:
        break;
    }
    if (op === "(") {
      marks.push(depth);
      continue;
    }
    if (popsMark) {
      const mark = marks.pop();
      if (mark === undefined) return named;
      depth = mark;
    }
    const floor = marks.length > 0 ? (marks[marks.length - 1] as number) : 0;
    if (depth - floor < pops) return named;
    if ((op === "g" || op === "h" || op === "j") && memoKey !== null && !memo.has(memoKey)) return named;
    if ((op === "p" || op === "q" || op === "r") && memoKey !== null) memo.add(memoKey);
    if (op === "\x94") memo.add(String(memo.size));
    if (op === "\x93") named = true;
    depth += pushes - pops;
    if (op === ".") return opcodes > 1;
  }
  return named || (position < size && opcodes >= 4);
}
