import { ActionIcon, Button, Group, Popover, Stack, TextInput } from "@mantine/core";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type FormEvent, useState } from "react";

interface Props {
  editor: Editor;
  tabIndex: number;
  onFocus: () => void;
}

/** Links the selected text (or edits or removes the link under the cursor) to an address typed in a small form. */
export function LinkButton({ editor, tabIndex, onFocus }: Props) {
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState("");
  const active = useEditorState({ editor, selector: ({ editor: e }) => e.isActive("link") });
  const open = () => {
    setHref((editor.getAttributes("link").href as string | undefined) ?? "");
    setOpened(true);
  };
  const close = () => {
    setOpened(false);
    editor.commands.focus();
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = href.trim();
    const link = editor.chain().focus().extendMarkRange("link");
    if (address) link.setLink({ href: address }).run();
    else link.unsetLink().run();
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus position="bottom-start" withArrow>
      <Popover.Target>
        <ActionIcon
          data-tool
          tabIndex={tabIndex}
          onFocus={onFocus}
          variant={active ? "light" : "subtle"}
          color={active ? undefined : "gray"}
          size="md"
          w="auto"
          miw={28}
          px={4}
          aria-label="Link"
          aria-pressed={active}
          aria-haspopup="dialog"
          aria-expanded={opened}
          title="Link"
          onClick={() => (opened ? setOpened(false) : open())}
        >
          <u aria-hidden="true">link</u>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={apply} aria-label="Link">
          <Stack gap="xs">
            <TextInput
              label="Link address"
              description="Leave empty to remove the link."
              placeholder="https://"
              value={href}
              onChange={(event) => setHref(event.currentTarget.value)}
              onKeyDown={(event) => event.key === "Escape" && close()}
              data-autofocus
            />
            <Group gap="xs">
              <Button type="submit" size="xs">
                Apply
              </Button>
              <Button size="xs" variant="default" onClick={close}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
