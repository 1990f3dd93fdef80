import { Text, Typography } from "@mantine/core";
import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

type HeadingProps = ComponentProps<"h1"> & { node?: unknown };

/** Markdown headings sit under the page's own h1 and h2, so they start at h3. */
const shift = (Tag: "h3" | "h4" | "h5" | "h6") =>
  function Heading({ node: _node, ...props }: HeadingProps) {
    return <Tag {...props} />;
  };

const plugins = [remarkGfm];

const components: Components = {
  h1: shift("h3"),
  h2: shift("h4"),
  h3: shift("h5"),
  h4: shift("h6"),
  h5: shift("h6"),
  h6: shift("h6"),
};

/**
 * A document body as formatted text, with GitHub tables and strike-through as the editor writes them.
 * Raw HTML in the Markdown is dropped, never rendered.
 */
export function MarkdownView({ text }: { text: string }) {
  if (!text.trim()) return <Text c="dimmed">This version has no text yet.</Text>;
  return (
    <Typography>
      <Markdown skipHtml remarkPlugins={plugins} components={components}>
        {text}
      </Markdown>
    </Typography>
  );
}
