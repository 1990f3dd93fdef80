import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { AcceptanceRulesEditor } from "./acceptance-rules-editor";
import { MatrixEditor } from "./matrix-editor";
import { type MethodDraft, setCell } from "./method-draft";
import { MethodPreview } from "./method-preview";
import type { RiskMethodData } from "./risk-types";
import { ScaleEditorFor } from "./scale-editor-for";

function draftOf({ id: _id, updatedAt: _updatedAt, version: _version, ...draft }: RiskMethodData): MethodDraft {
  return draft;
}

/** Edits a draft of the method; saving sends the version it was read at and re-rates the register. */
export function MethodEditor({ orgId, saved, readOnly }: { orgId: string; saved: RiskMethodData; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MethodDraft>(() => draftOf(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.updateRiskMethod, { params: { orgId }, body: { ...draft, version: saved.version } }),
    onSuccess: async () => {
      notifications.show({ color: "blue", message: "The risk method was saved and the register re-rated." });
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: ["risk-method", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const patch = (next: Partial<MethodDraft>) => setDraft((old) => ({ ...old, ...next }));

  return (
    <Stack gap="lg">
      <Text size="sm">
        Version {saved.version}, last changed {formatDateTime(saved.updatedAt)}.
        {readOnly && " Your role can read the method but not change it."}
      </Text>
      <Card withBorder component="section" aria-labelledby="scales-heading">
        <Title order={2} size="h3" id="scales-heading" mb="sm">
          Scales
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ScaleEditorFor
            scale="likelihood"
            draft={draft}
            setDraft={setDraft}
            readOnly={readOnly}
            error={errors.likelihoodLevels}
          />
          <ScaleEditorFor
            scale="impact"
            draft={draft}
            setDraft={setDraft}
            readOnly={readOnly}
            error={errors.impactLevels}
          />
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="matrix-heading">
        <Title order={2} size="h3" id="matrix-heading" mb="sm">
          Risk matrix
        </Title>
        {errors.matrix && (
          <Text c="red" size="sm" role="alert">
            {errors.matrix}
          </Text>
        )}
        <MatrixEditor
          draft={draft}
          readOnly={readOnly}
          onCellChange={(l, i, r) => setDraft((d) => setCell(d, l, i, r))}
        />
      </Card>
      <Card withBorder>
        <AcceptanceRulesEditor draft={draft} readOnly={readOnly} onChange={patch} />
      </Card>
      {dirty && <MethodPreview orgId={orgId} draft={draft} />}
      {save.error && <ErrorAlert error={save.error} title="Could not save the method" />}
      {!readOnly && (
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
            Save method and re-rate risks
          </Button>
          <Button variant="default" onClick={() => setDraft(draftOf(saved))} disabled={!dirty}>
            Discard changes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
