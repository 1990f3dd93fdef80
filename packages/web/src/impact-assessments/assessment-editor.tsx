import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { AssessmentDimensions } from "./assessment-dimensions";
import { ConclusionFields } from "./conclusion-fields";
import { contentErrors } from "./content-errors";
import { ContextFields } from "./context-fields";
import type { Assessment, Content } from "./impact-types";
import { useAssessmentAction } from "./use-assessment-action";

/**
 * Edits a draft. Saving sends the whole content with the version it was read at; submitting is
 * offered once everything is saved, and the server names whatever is still missing.
 */
export function AssessmentEditor({ assessment }: { assessment: Assessment }) {
  const { orgId } = useOrg();
  const [content, setContent] = useState<Content>(assessment.content);
  const dirty = JSON.stringify(content) !== JSON.stringify(assessment.content);
  const params = { orgId, assessmentId: assessment.id };
  const save = useAssessmentAction(
    () => callApi(routes.updateImpactAssessment, { params, body: { content, version: assessment.version } }),
    "draft saved.",
  );
  const submit = useAssessmentAction(
    () => callApi(routes.submitImpactAssessment, { params, body: { version: assessment.version } }),
    "submitted for approval.",
  );
  const failure = save.error ?? submit.error;
  const errors = contentErrors(failure);

  return (
    <Stack gap="lg">
      <ContextFields
        context={content.context}
        errors={errors}
        onChange={(context) => setContent({ ...content, context })}
      />
      <AssessmentDimensions
        dimensions={content.dimensions}
        errors={errors}
        hints={assessment.focusHints}
        onChange={(dimensions) => setContent({ ...content, dimensions })}
      />
      <ConclusionFields
        conclusion={content.conclusion}
        errors={errors}
        onChange={(conclusion) => setContent({ ...content, conclusion })}
      />
      <Stack gap="xs" component="section" aria-labelledby="impact-save-heading">
        <Title order={2} size="h3" id="impact-save-heading">
          Save and submit
        </Title>
        {failure && <ErrorAlert error={failure} title={save.error ? "Could not save the draft" : "Could not submit"} />}
        <Group>
          <Button onClick={() => save.mutate(undefined)} loading={save.isPending} disabled={!dirty}>
            Save draft
          </Button>
          <Button variant="light" onClick={() => submit.mutate(undefined)} loading={submit.isPending} disabled={dirty}>
            Submit for approval
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {dirty ? "You have unsaved changes. Save them before submitting." : "All changes are saved."}
        </Text>
      </Stack>
    </Stack>
  );
}
