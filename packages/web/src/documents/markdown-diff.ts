import { diffArrays, diffWordsWithSpace } from "diff";

/** A run of text within a block; `changed` marks the words added (in a new block) or removed (in an old one). */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/** One block of the compared Markdown: unchanged, only in the older version, or only in the newer one. */
export interface BlockChange {
  kind: "same" | "added" | "removed";
  segments: DiffSegment[];
}

export interface MarkdownDiff {
  blocks: BlockChange[];
  added: number;
  removed: number;
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
/** A line that starts a block of its own: heading, quote, table row, list item, fence or rule. */
const startsBlock = /^\s*(#{1,6}\s|>|\||[-*+]\s|\d{1,9}[.)]\s|`{3,}|~{3,}|([-*_])\s*\2\s*\2)/;

/**
 * The blocks of a Markdown text, one per line except that a paragraph or list item wrapped over several
 * lines is one block, so re-wrapping a paragraph is no change. Blank lines between blocks are dropped;
 * lines inside fenced code stay as they are.
 */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let openFence: string | null = null;
  let joinable = false;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const marker = fence.exec(line)?.[1];
    if (openFence !== null) {
      blocks.push(line);
      if (marker?.startsWith(openFence) && line.trim() === marker) openFence = null;
      continue;
    }
    if (marker) {
      openFence = marker;
      blocks.push(line);
      joinable = false;
      continue;
    }
    if (line.trim() === "") {
      joinable = false;
      continue;
    }
    const last = blocks.length - 1;
    if (joinable && !startsBlock.test(line)) {
      blocks[last] = `${blocks[last]} ${line.trim()}`;
      continue;
    }
    blocks.push(line.replace(/\s+$/, ""));
    joinable = !/^\s*(#|\|)/.test(line);
  }
  return blocks;
}

/**
 * Block differences between two Markdown texts, with the changed words marked inside a block that was
 * edited (a removed block followed by an added one are paired in order).
 */
export function diffMarkdown(before: string, after: string): MarkdownDiff {
  const blocks: BlockChange[] = [];
  const parts = diffArrays(markdownBlocks(before), markdownBlocks(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      blocks.push(...pairEdits(part.value, next.value));
      i++;
    } else {
      const kind = part.added ? "added" : part.removed ? "removed" : "same";
      for (const text of part.value) blocks.push({ kind, segments: [{ text, changed: kind !== "same" }] });
    }
  }
  return {
    blocks,
    added: blocks.filter((b) => b.kind === "added").length,
    removed: blocks.filter((b) => b.kind === "removed").length,
  };
}

/** Removed blocks then added ones; the i-th removed and i-th added block get word highlights against each other. */
function pairEdits(removed: string[], added: string[]): BlockChange[] {
  const old: BlockChange[] = [];
  const now: BlockChange[] = [];
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const a = removed[i];
    const b = added[i];
    if (a !== undefined && b !== undefined) {
      const words = diffWordsWithSpace(a, b);
      old.push({ kind: "removed", segments: words.filter((w) => !w.added).map((w) => segment(w.value, w.removed)) });
      now.push({ kind: "added", segments: words.filter((w) => !w.removed).map((w) => segment(w.value, w.added)) });
    } else if (a !== undefined) old.push({ kind: "removed", segments: [segment(a, true)] });
    else if (b !== undefined) now.push({ kind: "added", segments: [segment(b, true)] });
  }
  return [...old, ...now];
}

function segment(text: string, changed: boolean): DiffSegment {
  return { text, changed };
}

/** Unchanged blocks left out of a folded diff, shown as one line saying how many. */
export interface FoldedBlocks {
  kind: "folded";
  count: number;
}

/**
 * The diff with long runs of unchanged blocks folded away, keeping `context` blocks next to each
 * change so a change can be read in place.
 */
export function foldUnchanged(blocks: BlockChange[], context = 2): (BlockChange | FoldedBlocks)[] {
  const out: (BlockChange | FoldedBlocks)[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]?.kind !== "same") {
      out.push(blocks[i] as BlockChange);
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]?.kind === "same") end++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = end === blocks.length ? 0 : context;
    if (end - i > keepBefore + keepAfter + 1) {
      out.push(...blocks.slice(i, i + keepBefore), { kind: "folded", count: end - i - keepBefore - keepAfter });
      out.push(...blocks.slice(end - keepAfter, end));
    } else out.push(...blocks.slice(i, end));
    i = end;
  }
  return out;
}
