import { describe, expect, it } from "vitest";
import { diffMarkdown, foldUnchanged, markdownBlocks } from "./markdown-diff";

describe("markdownBlocks", () => {
  it("joins wrapped paragraphs and list items, keeps headings, list items, table rows and code lines apart", () => {
    const text = [
      "# Title",
      "First line of a",
      "wrapped paragraph.",
      "",
      "- item that is",
      "  wrapped",
      "  - nested",
      "1. step",
      "| a | b |",
      "| 1 | 2 |",
      "```",
      "code line",
      "",
      "more code",
      "```",
      "after",
    ].join("\n");
    expect(markdownBlocks(text)).toEqual([
      "# Title",
      "First line of a wrapped paragraph.",
      "- item that is wrapped",
      "  - nested",
      "1. step",
      "| a | b |",
      "| 1 | 2 |",
      "```",
      "code line",
      "",
      "more code",
      "```",
      "after",
    ]);
  });
});

describe("diffMarkdown", () => {
  it("finds no change when only the wrapping, blank lines or Windows line endings differ", () => {
    const before = "# Policy\r\n\r\nWe keep records\r\nfor six years.\r\n\r\n\r\n- one\r\n";
    const after = "# Policy\n\nWe keep records for six years.\n\n- one";
    const diff = diffMarkdown(before, after);
    expect(diff).toMatchObject({ added: 0, removed: 0 });
    expect(diff.blocks.every((b) => b.kind === "same")).toBe(true);
  });

  it("pairs an edited block with its new text and marks only the words that changed", () => {
    const diff = diffMarkdown(
      "# Policy\n\nWe keep records for six years.",
      "# Policy\n\nWe keep logs for six years.\n\n## Review",
    );
    expect(diff).toMatchObject({ added: 2, removed: 1 });
    expect(diff.blocks).toEqual([
      { kind: "same", segments: [{ text: "# Policy", changed: false }] },
      {
        kind: "removed",
        segments: [
          { text: "We keep ", changed: false },
          { text: "records", changed: true },
          { text: " for six years.", changed: false },
        ],
      },
      {
        kind: "added",
        segments: [
          { text: "We keep ", changed: false },
          { text: "logs", changed: true },
          { text: " for six years.", changed: false },
        ],
      },
      { kind: "added", segments: [{ text: "## Review", changed: true }] },
    ]);
  });

  it("lists a removed block with all its words marked", () => {
    const diff = diffMarkdown("- a\n- b\n- c", "- a\n- c");
    expect(diff.blocks).toEqual([
      { kind: "same", segments: [{ text: "- a", changed: false }] },
      { kind: "removed", segments: [{ text: "- b", changed: true }] },
      { kind: "same", segments: [{ text: "- c", changed: false }] },
    ]);
  });
});

describe("foldUnchanged", () => {
  const text = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1}.`).join("\n\n");

  it("keeps two blocks of context around a change and folds the rest", () => {
    const folded = foldUnchanged(diffMarkdown(text(10), text(10).replace("Paragraph 6.", "Paragraph six.")).blocks);
    expect(
      folded.map((b) => (b.kind === "folded" ? `…${b.count}` : `${b.kind}:${b.segments.map((s) => s.text).join("")}`)),
    ).toEqual([
      "…3",
      "same:Paragraph 4.",
      "same:Paragraph 5.",
      "removed:Paragraph 6.",
      "added:Paragraph six.",
      "same:Paragraph 7.",
      "same:Paragraph 8.",
      "…2",
    ]);
  });

  it("folds nothing when the unchanged run is barely longer than its context", () => {
    const blocks = diffMarkdown(text(6), `${text(6)}\n\nParagraph 7.`).blocks;
    expect(foldUnchanged(blocks, 2)).toEqual([{ kind: "folded", count: 4 }, ...blocks.slice(4)]);
    expect(foldUnchanged(blocks.slice(3), 2)).toEqual(blocks.slice(3));
  });
});
