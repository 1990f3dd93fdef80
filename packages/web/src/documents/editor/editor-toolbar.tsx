import { ActionIcon, Box, Divider, Group } from "@mantine/core";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { LinkButton } from "./link-button";

interface Tool {
  label: string;
  shortcut?: string;
  text: ReactNode;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();
const heading = (level: 1 | 2 | 3): Tool => ({
  // The name starts with the visible text, so speech control users can say what they see.
  label: `H${level} heading`,
  shortcut: `Ctrl+Alt+${level}`,
  text: `H${level}`,
  run: (e) => chain(e).toggleHeading({ level }).run(),
  active: (e) => e.isActive("heading", { level }),
});

const groups: Tool[][] = [
  [heading(1), heading(2), heading(3)],
  [
    {
      label: "Bold",
      shortcut: "Ctrl+B",
      text: <b>B</b>,
      run: (e) => chain(e).toggleBold().run(),
      active: (e) => e.isActive("bold"),
    },
    {
      label: "Italic",
      shortcut: "Ctrl+I",
      text: <i>I</i>,
      run: (e) => chain(e).toggleItalic().run(),
      active: (e) => e.isActive("italic"),
    },
    {
      label: "Code",
      shortcut: "Ctrl+E",
      text: <code>{"<>"}</code>,
      run: (e) => chain(e).toggleCode().run(),
      active: (e) => e.isActive("code"),
    },
  ],
  [
    {
      label: "Bulleted list",
      shortcut: "Ctrl+Shift+8",
      text: <ListIcon numbered={false} />,
      run: (e) => chain(e).toggleBulletList().run(),
      active: (e) => e.isActive("bulletList"),
    },
    {
      label: "Numbered list",
      shortcut: "Ctrl+Shift+7",
      text: <ListIcon numbered />,
      run: (e) => chain(e).toggleOrderedList().run(),
      active: (e) => e.isActive("orderedList"),
    },
  ],
  [
    {
      label: "Insert table",
      text: "Table",
      run: (e) => chain(e).insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
      enabled: (e) => !e.isActive("table"),
    },
    {
      label: "Add row",
      text: "+ Row",
      run: (e) => chain(e).addRowAfter().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      label: "Add column",
      text: "+ Column",
      run: (e) => chain(e).addColumnAfter().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      label: "Delete table",
      text: "− Table",
      run: (e) => chain(e).deleteTable().run(),
      enabled: (e) => e.isActive("table"),
    },
  ],
  [
    {
      label: "Undo",
      shortcut: "Ctrl+Z",
      text: "↶",
      run: (e) => chain(e).undo().run(),
      enabled: (e) => e.can().undo(),
    },
    {
      label: "Redo",
      shortcut: "Ctrl+Shift+Z",
      text: "↷",
      run: (e) => chain(e).redo().run(),
      enabled: (e) => e.can().redo(),
    },
  ],
];
const tools = groups.flat();

/** Three lines with dots (bulleted) or short strokes (numbered) before them. */
function ListIcon({ numbered }: { numbered: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      {[3, 8, 13].map((y) =>
        numbered ? (
          <path key={y} d={`M2.5 ${y - 2}v4`} />
        ) : (
          <circle key={y} cx="2.5" cy={y} r="1" fill="currentColor" />
        ),
      )}
      <path d="M6 3h9M6 8h9M6 13h9" />
    </svg>
  );
}

/**
 * The formatting toolbar. One button is in the tab order at a time; arrow keys, Home and End move
 * between buttons (the ARIA toolbar pattern), so Tab goes straight on to the text. Buttons that do
 * not apply where the cursor is stay focusable and say so with aria-disabled.
 */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const [focused, setFocused] = useState(tools[0]?.label ?? "");
  const bar = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: tools.map((t) => t.active?.(e) ?? null),
      enabled: tools.map((t) => t.enabled?.(e) ?? true),
    }),
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>("[data-tool]") ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[(target + buttons.length) % buttons.length]?.focus();
  };
  const roving = (name: string) => ({
    "data-tool": true,
    tabIndex: name === focused ? 0 : -1,
    onFocus: () => setFocused(name),
  });

  return (
    <Group
      ref={bar}
      role="toolbar"
      aria-label={label}
      gap={4}
      p={4}
      wrap="wrap"
      onKeyDown={onKeyDown}
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
    >
      {groups.map((group, g) => (
        <Group key={group[0]?.label} gap={2} wrap="nowrap">
          {g > 0 && <Divider orientation="vertical" mr={4} />}
          {group.map((tool) => {
            const i = tools.indexOf(tool);
            const active = state.active[i];
            const enabled = state.enabled[i];
            return (
              <ActionIcon
                key={tool.label}
                {...roving(tool.label)}
                variant={active ? "light" : "subtle"}
                color={active ? undefined : "gray"}
                size="md"
                w="auto"
                miw={28}
                px={4}
                aria-label={tool.label}
                aria-keyshortcuts={tool.shortcut?.replace("Ctrl", "Control")}
                aria-pressed={active ?? undefined}
                aria-disabled={!enabled || undefined}
                data-disabled={!enabled || undefined}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                onClick={() => enabled && tool.run(editor)}
              >
                <Box component="span" fz="sm" aria-hidden="true">
                  {tool.text}
                </Box>
              </ActionIcon>
            );
          })}
          {g === 1 && <LinkButton editor={editor} {...roving("Link")} />}
        </Group>
      ))}
    </Group>
  );
}
