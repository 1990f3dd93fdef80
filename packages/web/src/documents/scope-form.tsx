import { Button, Group, Stack, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, type ScopeContent } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import type { DocumentVersion } from "./document-types";
import { ExclusionListField } from "./exclusion-list-field";
import { IssueListField } from "./issue-list-field";
import { PartyListField } from "./party-list-field";
import { scopeFieldErrors } from "./scope-field-errors";
import { ScopeSystemPicker } from "./scope-system-picker";
import { useDocumentInvalidation } from "./use-document-invalidation";

const blank: ScopeContent = {
  internalIssues: [],
  externalIssues: [],
  interestedParties: [],
  statement: "",
  boundaries: "",
  exclusions: [],
  systemIds: [],
};

/** The structured scope: creates the scope when there is none, else edits its draft version. */
export function ScopeForm({ draft }: { draft: DocumentVersion | null }) {
  const { orgId } = useOrg();
  const invalidate = useDocumentInvalidation();
  const [content, setContent] = useState<ScopeContent>(draft?.scope ?? blank);
  const save = useMutation({
    mutationFn: () =>
      draft
        ? callApi(routes.updateScopeDraft, {
            params: { orgId, versionId: draft.id },
            body: { content, version: draft.version },
          })
        : callApi(routes.createScope, { params: { orgId }, body: { content } }),
    onSuccess: async () => {
      // Refetched first, so that what the page offers next (submit for review) carries the new version.
      await invalidate();
      notifications.show({ color: "green", message: draft ? "Scope draft saved." : "AIMS scope created as a draft." });
    },
    meta: { inlineError: true },
  });
  const errors = scopeFieldErrors(save.error);
  const patch = (next: Partial<ScopeContent>) => setContent((old) => ({ ...old, ...next }));
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const section = (id: string, title: string) => (
    <Title order={3} size="h4" id={id}>
      {title}
    </Title>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="AIMS scope">
      <Stack>
        {save.error && <ErrorAlert error={save.error} title="Scope not saved" />}
        <Textarea
          label="Scope statement"
          description="What the AI management system covers, in a few sentences."
          autosize
          minRows={3}
          value={content.statement}
          onChange={(e) => patch({ statement: e.currentTarget.value })}
          error={errors.statement}
        />
        <Textarea
          label="Boundaries and applicability"
          description="Units, locations, products and activities the AIMS applies to."
          autosize
          minRows={2}
          value={content.boundaries}
          onChange={(e) => patch({ boundaries: e.currentTarget.value })}
          error={errors.boundaries}
        />
        <ScopeSystemPicker
          value={content.systemIds}
          known={draft?.scopeSystems ?? []}
          error={errors.systemIds ?? Object.entries(errors).find(([k]) => k.startsWith("systemIds."))?.[1]}
          onChange={(systemIds) => patch({ systemIds })}
        />
        {section("internal-issues", "Internal issues")}
        <IssueListField
          noun="Internal issue"
          field="internalIssues"
          hint="Inside the organisation: culture, skills, systems, commitments."
          value={content.internalIssues}
          errors={errors}
          onChange={(internalIssues) => patch({ internalIssues })}
        />
        {section("external-issues", "External issues")}
        <IssueListField
          noun="External issue"
          field="externalIssues"
          hint="Outside it: law and regulation, markets, technology, society, climate."
          value={content.externalIssues}
          errors={errors}
          onChange={(externalIssues) => patch({ externalIssues })}
        />
        {section("parties", "Interested parties")}
        <PartyListField
          value={content.interestedParties}
          errors={errors}
          onChange={(interestedParties) => patch({ interestedParties })}
        />
        {section("exclusions", "Exclusions")}
        <ExclusionListField
          value={content.exclusions}
          errors={errors}
          onChange={(exclusions) => patch({ exclusions })}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {draft ? "Save scope draft" : "Create scope"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
