// The templates are the texts most documents start from, so the test reads them where they live.
import { documentTemplates } from "@openaims/core";
import { getSchema } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { describe, expect, it } from "vitest";
import { documentSkeletons } from "../document-skeletons";
import { contentToMarkdown, markdownToContent } from "./markdown-document";
import { documentEditorExtensions } from "./markdown-extensions";

const extensions = documentEditorExtensions();
const schema = getSchema(extensions);
const manager = new MarkdownManager({ extensions });

/** Markdown → editor document (checked against the editor's schema, as the editor would hold it) → Markdown. */
function roundTrip(markdown: string): string {
  const doc = schema.nodeFromJSON(markdownToContent(manager, markdown));
  doc.check();
  return contentToMarkdown(manager, doc.toJSON());
}

const representative = `# Information security policy

Applies to **all staff**, *contractors* and \`service accounts\`; see the [AI policy](https://example.com/policy "AI policy").

## Rules

- Keep secrets out of prompts.
  - Including API keys.
    - And tokens.
- Report incidents.

1. Request.
2. Review.
   - by security
3. Approve.

| Role | Duty |
| --- | --- |
| Owner | Approves **changes** |
| Lead | Keeps [records](https://example.com/records) |

\`\`\`yaml
retention: 30d

owner: security
\`\`\`

> Quoted guidance.

---

Line one  
line two after a hard break.`;

describe("document Markdown through the editor", () => {
  it("keeps headings, marks, links, nested lists, code, quotes and breaks exactly, and aligns tables", () => {
    const aligned = representative.replace(
      /\| Role[\s\S]*records\) \|/,
      [
        "| Role  | Duty                                         |",
        "| ----- | -------------------------------------------- |",
        "| Owner | Approves **changes**                         |",
        "| Lead  | Keeps [records](https://example.com/records) |",
      ].join("\n"),
    );
    expect(aligned).not.toBe(representative);
    expect(roundTrip(representative)).toBe(aligned);
    expect(roundTrip(aligned)).toBe(aligned);
  });

  it.each(Object.values(documentTemplates).map((t) => [t.id, t.body]))(
    "keeps the %s template's text, joining lines that were only wrapped",
    (_id, body) => {
      const once = roundTrip(body);
      expect(once).toBe(unwrapped(body));
      expect(roundTrip(once)).toBe(once);
    },
  );

  it.each(Object.entries(documentSkeletons))("keeps the %s skeleton unchanged", (_kind, skeleton) => {
    expect(roundTrip(skeleton)).toBe(skeleton);
  });

  it("keeps task lists and images", () => {
    const text =
      '- [ ] Train reviewers\n- [x] Publish the policy\n\nThe flow: ![Approval flow](https://example.com/flow.png "Flow")';
    expect(roundTrip(text)).toBe(text);
  });

  it("keeps text that only looks like a heading, list item or quote as a paragraph", () => {
    const text =
      "\\# 1 priority\n\n2024\\. was the first year\n\n\\- not a list\n\n\\+ nor this\n\nLiteral \\*stars\\* and \\_underscores\\_";
    expect(roundTrip(text)).toBe(text);
    const typed = { type: "doc", content: ["# hash", "- dash", "3. three", "> angle"].map(paragraph) };
    const written = contentToMarkdown(manager, typed);
    expect(written).toBe("\\# hash\n\n\\- dash\n\n3\\. three\n\n&gt; angle");
    expect(markdownToContent(manager, written)).toEqual(typed);
  });

  it("writes the same Markdown for equivalent spellings", () => {
    expect(roundTrip("_a_ and __b__\n\n* one\n* two\n\n\n\nend")).toBe("*a* and **b**\n\n- one\n- two\n\nend");
  });
});

function paragraph(text: string) {
  return { type: "paragraph", content: [{ type: "text", text }] };
}

/**
 * The templates wrap long paragraphs and list items at a fixed width; rendered, a wrapped line is one
 * line with spaces. Joins each continuation line (text that starts no block) onto the line before.
 */
function unwrapped(markdown: string): string {
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    const previous = out[out.length - 1];
    const continues = previous !== undefined && previous.trim() !== "" && /^\s*[^\s#>|`\-*+\d]/.test(line);
    if (continues) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out
    .join("\n")
    .replace(/^(\s*)_(.+)_$/gm, "$1*$2*")
    .trimEnd();
}
