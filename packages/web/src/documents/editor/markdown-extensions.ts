import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { Markdown } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";

/**
 * What the document editor can hold: CommonMark blocks and marks plus GitHub tables. Underline is
 * left out because Markdown has no syntax for it, so nothing the editor makes is lost on saving.
 */
export function documentEditorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      underline: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Markdown.configure({ indentation: { style: "space", size: 2 } }),
  ];
}
