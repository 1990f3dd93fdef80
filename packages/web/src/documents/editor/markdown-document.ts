import type { JSONContent } from "@tiptap/core";
import type { MarkdownManager } from "@tiptap/markdown";

/**
 * Markdown ⇄ editor content. The editor's own parser and serializer do the work; these two steps
 * make the result a stable normal form: a line break inside a paragraph (wrapping in the source) is
 * a space, as it is when the Markdown is rendered, and runs of blank lines outside code are one.
 */
export function markdownToContent(manager: Pick<MarkdownManager, "parse">, markdown: string): JSONContent {
  return joinSoftBreaks(manager.parse(markdown));
}

/** The Markdown that is stored for the editor's content. */
export function contentToMarkdown(manager: Pick<MarkdownManager, "serialize">, content: JSONContent): string {
  return tidyBlankLines(manager.serialize(content));
}

function joinSoftBreaks(node: JSONContent): JSONContent {
  if (node.type === "codeBlock") return node;
  if (node.type === "text" && node.text?.includes("\n"))
    return { ...node, text: node.text.replace(/[ \t]*\n[ \t]*/g, " ") };
  if (!node.content) return node;
  return { ...node, content: node.content.map(joinSoftBreaks) };
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

function tidyBlankLines(markdown: string): string {
  const out: string[] = [];
  let openFence: string | null = null;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const marker = fence.exec(line)?.[1];
    if (marker && (openFence === null || marker.startsWith(openFence))) openFence = openFence === null ? marker : null;
    const blank = line.trim() === "";
    if (blank && openFence === null && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(
      blank && openFence === null ? "" : line.replace(/[ \t]+$/, (tail) => (openFence ? tail : trailingBreak(tail))),
    );
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** Two or more trailing spaces are a hard line break in Markdown and must stay; others go. */
function trailingBreak(tail: string): string {
  return tail.length >= 2 && !tail.includes("\t") ? tail : "";
}
