import { Box, Input, Paper, Typography } from "@mantine/core";
import { MarkdownManager } from "@tiptap/markdown";
import { EditorContent, useEditor } from "@tiptap/react";
import { useId, useState } from "react";
import { EditorToolbar } from "./editor-toolbar";
import { contentToMarkdown, markdownToContent } from "./markdown-document";
import { documentEditorExtensions } from "./markdown-extensions";
import classes from "./rich-markdown-editor.module.css";

export interface RichMarkdownEditorProps {
  label: string;
  description?: string;
  error?: string | undefined;
  /** The Markdown the editor starts from; later changes of the prop are not applied. */
  initialValue: string;
  onChange: (markdown: string) => void;
}

/**
 * A rich-text editor whose value is Markdown. The text is parsed once when the editor opens; each
 * change is written back as Markdown, so an untouched text is stored exactly as it was.
 */
export default function RichMarkdownEditor({
  label,
  description,
  error,
  initialValue,
  onChange,
}: RichMarkdownEditorProps) {
  const id = useId();
  const [extensions] = useState(documentEditorExtensions);
  // Parsed before the editor exists so the opening text is not a step that undo could take back.
  const [content] = useState(() => markdownToContent(new MarkdownManager({ extensions }), initialValue));
  const editor = useEditor({
    extensions,
    content,
    onUpdate: ({ editor: changed }) => {
      if (changed.markdown) onChange(contentToMarkdown(changed.markdown, changed.getJSON()));
    },
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        "aria-describedby": [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(" "),
        ...(error ? { "aria-invalid": "true" } : {}),
        class: classes.content ?? "",
      },
    },
  });

  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      description={description}
      error={error}
      id={id}
      labelProps={{ id: `${id}-label` }}
      descriptionProps={{ id: `${id}-description` }}
      errorProps={{ id: `${id}-error` }}
    >
      <Paper withBorder mt={4} className={classes.frame} data-invalid={error ? true : undefined}>
        {editor && <EditorToolbar editor={editor} label={`${label}: formatting`} />}
        <Typography>
          <Box px="md" py="xs">
            <EditorContent editor={editor} />
          </Box>
        </Typography>
      </Paper>
    </Input.Wrapper>
  );
}
