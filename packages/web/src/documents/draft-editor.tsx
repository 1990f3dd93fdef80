import { Button, Group, Loader, MultiSelect, Stack, Tabs, Textarea, TextInput } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import type { DocumentVersion } from "./document-types";
import { MarkdownView } from "./markdown-view";
import { useDocumentInvalidation } from "./use-document-invalidation";
import { useMemberOptions } from "./use-member-options";

const RichMarkdownEditor = lazy(() => import("./editor/rich-markdown-editor"));

/**
 * Edits a draft: its text in the rich-text editor or as Markdown source (the choice is remembered),
 * a preview, change summary, approvers and proposed dates. Either way the text is stored as Markdown.
 */
export function DraftEditor({ version }: { version: DocumentVersion }) {
  const { orgId } = useOrg();
  const [mode, setMode] = useLocalStorage<"rich" | "markdown" | "preview">({
    key: "aims.document-editor-mode",
    defaultValue: "rich",
    getInitialValueInEffect: false,
  });
  const invalidate = useDocumentInvalidation();
  const members = useMemberOptions();
  const [body, setBody] = useState(version.body);
  const [changeSummary, setChangeSummary] = useState(version.changeSummary);
  const [approvers, setApprovers] = useState(version.approvers.map((a) => a.id));
  const [effectiveDate, setEffectiveDate] = useState(version.effectiveDate ?? "");
  const [nextReviewDate, setNextReviewDate] = useState(version.nextReviewDate ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.updateDocumentDraft, {
        params: { orgId, documentId: version.documentId, versionId: version.id },
        body: {
          body,
          changeSummary,
          approverMemberIds: approvers,
          effectiveDate: effectiveDate || null,
          nextReviewDate: nextReviewDate || null,
          version: version.version,
        },
      }),
    onSuccess: async () => {
      setErrors({});
      // Refetched first, so that submitting for review next carries the saved version.
      await invalidate();
      notifications.show({ color: "green", message: "Draft saved." });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && <ErrorAlert error={save.error} title="Draft not saved" />}
        <Tabs
          value={mode}
          onChange={(value) => setMode(value === "markdown" || value === "preview" ? value : "rich")}
          keepMounted={false}
        >
          <Tabs.List aria-label="Draft text">
            <Tabs.Tab value="rich">Editor</Tabs.Tab>
            <Tabs.Tab value="markdown">Markdown</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rich" pt="sm">
            <Suspense fallback={<Loader size="sm" aria-label="Loading the editor" />}>
              <RichMarkdownEditor label="Text" initialValue={body} onChange={setBody} error={errors.body} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="markdown" pt="sm">
            <Textarea
              label="Text (Markdown)"
              autosize
              minRows={12}
              maxRows={40}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={errors.body}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            <MarkdownView text={body} />
          </Tabs.Panel>
        </Tabs>
        <TextInput
          label="Change summary"
          description="What this version changes, for the history."
          value={changeSummary}
          onChange={(event) => setChangeSummary(event.currentTarget.value)}
          error={errors.changeSummary}
        />
        <MultiSelect
          label="Approvers"
          description="If you name approvers, only they can approve this version."
          data={members.data ?? []}
          value={approvers}
          onChange={setApprovers}
          searchable
          clearable
          error={errors.approverMemberIds}
        />
        <Group align="flex-start">
          <TextInput
            type="date"
            label="Proposed effective date"
            value={effectiveDate}
            onChange={(event) => setEffectiveDate(event.currentTarget.value)}
            error={errors.effectiveDate}
          />
          <TextInput
            type="date"
            label="Proposed next review date"
            value={nextReviewDate}
            onChange={(event) => setNextReviewDate(event.currentTarget.value)}
            error={errors.nextReviewDate}
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
