import type { AnyExtension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import { TableKit } from "@tiptap/extension-table";
import { Markdown } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";

const orderedStart = /^( {0,3}\d{1,9})([.)])(?=\s|$)/;
const blockStart = /^( {0,3})(#{1,6}(?=\s|$)|[-+](?=\s|$)|>|=+\s*$|-+\s*$)/;

/**
 * Backslash-escapes what would make a line of paragraph text start a block of its own (a heading,
 * list item, quote or heading underline) when the Markdown is read again. The serializer escapes
 * inline syntax (`*`, `_`, backticks…) itself but not these.
 */
export function escapeBlockStarts(paragraph: string): string {
  return paragraph
    .split("\n")
    .map((line) => line.replace(orderedStart, "$1\\$2").replace(blockStart, "$1\\$2"))
    .join("\n");
}

/** A paragraph that stays a paragraph after a round trip through Markdown, whatever its text starts with. */
const LiteralParagraph = Paragraph.extend({
  renderMarkdown(node, helpers, context) {
    return escapeBlockStarts(this.parent?.(node, helpers, context) ?? "");
  },
});

/**
 * What the document editor can hold: CommonMark blocks and marks plus GitHub tables and task lists,
 * and images by address. Underline is left out because Markdown has no syntax for it, so nothing
 * the editor makes is lost on saving.
 */
export function documentEditorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      paragraph: false,
      underline: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
    }),
    LiteralParagraph,
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Image.configure({ inline: true, allowBase64: false }),
    Markdown.configure({ indentation: { style: "space", size: 2 } }),
  ];
}
