import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import {
  type ManagementReviewDetail,
  putReviewDecisionRequestSchema,
  type ReviewInputKey,
  reviewInputs,
  routes,
} from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { useReviewMutation } from "./use-review-data";

/** What the review decided on one input: shown, and editable while the review is open. */
export function DecisionField({
  orgId,
  review,
  inputKey,
  editable,
}: {
  orgId: string;
  review: ManagementReviewDetail;
  inputKey: ReviewInputKey;
  editable: boolean;
}) {
  const current = review.decisionsByInput.find((decision) => decision.inputKey === inputKey);
  const title = reviewInputs.find((input) => input.key === inputKey)?.title ?? inputKey;
  const [text, setText] = useState(current?.decision ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useReviewMutation(orgId, review.id, (decision: string) =>
    callApi(routes.putManagementReviewDecision, {
      params: { orgId, reviewId: review.id, inputKey },
      body: { decision },
    }),
  );
  const formRef = useErrorFocus(errors, save.error);
  if (!editable)
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          Decision
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={current ? undefined : "dimmed"}>
          {current?.decision ?? "No decision recorded."}
        </Text>
      </Stack>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(putReviewDecisionRequestSchema, { decision: text });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data.decision, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  const changed = text.trim() !== (current?.decision ?? "");
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Decision on ${title}`}>
      <Stack gap="xs">
        {save.error && !errors.decision && <ErrorAlert error={save.error} title="The decision was not saved" />}
        <Textarea
          label={`Decision on ${title.charAt(0).toLowerCase()}${title.slice(1)}`}
          description={
            current
              ? `Recorded ${formatDateTime(current.updatedAt)}${current.decidedBy ? ` by ${current.decidedBy.name}` : ""}`
              : "What the review concluded, and any change it asks for (clause 9.3.3)"
          }
          autosize
          minRows={2}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.decision}
        />
        <Group>
          <Button
            type="submit"
            size="xs"
            variant={current ? "default" : "filled"}
            disabled={!changed}
            loading={save.isPending}
          >
            {current ? "Save changes" : "Record decision"}
          </Button>
          {!current && (
            <Text size="xs" c="dimmed">
              Needed before the review can close
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
