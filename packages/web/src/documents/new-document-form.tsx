import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { createDocumentRequestSchema, type DocumentKind, documentKinds, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { kindLabels } from "./document-labels";
import { skeletonFor } from "./document-skeletons";
import { useMemberOptions } from "./use-member-options";

const kinds = documentKinds.filter((kind) => kind !== "aims_scope");

/** A blank document: title, kind, owner and an optional first text. */
export function NewDocumentForm() {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const members = useMemberOptions();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind | null>("policy");
  const [owner, setOwner] = useState<string | null>(null);
  const [body, setBody] = useState(skeletonFor("policy"));
  // The text starts as the kind's headings and follows the kind until someone edits it.
  const chooseKind = (next: DocumentKind | null) => {
    if (body === skeletonFor(kind)) setBody(skeletonFor(next));
    setKind(next);
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (values: z.input<typeof createDocumentRequestSchema>) =>
      callApi(routes.createDocument, { params: { orgId }, body: values }),
    onSuccess: async (doc) => {
      await queryClient.invalidateQueries({ queryKey: ["documents", orgId] });
      await navigate(`/o/${orgId}/documents/${doc.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createDocumentRequestSchema, { title, kind, ownerMemberId: owner, body });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };

  return (
    <Card withBorder component="section" aria-labelledby="blank-heading">
      <Title order={2} size="h3" id="blank-heading" mb="sm">
        Blank document
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {create.error && <ErrorAlert error={create.error} title="Could not create the document" />}
          <TextInput
            label="Title"
            required
            maw={560}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Group align="flex-start">
            <Select<DocumentKind>
              label="Kind"
              required
              data={kinds.map((value) => ({ value, label: kindLabels[value] }))}
              value={kind}
              onChange={chooseKind}
              allowDeselect={false}
              error={errors.kind}
            />
            <Select
              label="Owner"
              placeholder="No owner yet"
              data={members.data ?? []}
              value={owner}
              onChange={setOwner}
              searchable
              clearable
              error={errors.ownerMemberId}
            />
          </Group>
          <Textarea
            label="Text (Markdown)"
            description="Starts with the usual headings for the kind; you can also write it after creating the document."
            autosize
            minRows={6}
            maxRows={20}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
