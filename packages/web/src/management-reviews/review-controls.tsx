import { Alert, Button, Card, Group, List, Modal, Stack, Text, TextInput, Title } from "@mantine/core";
import {
  compileReviewPackRequestSchema,
  type ManagementReviewDetail,
  type ManagementReviewStatus,
  reviewInputs,
  routes,
} from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { isApiError } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { useReviewMutation } from "./use-review-data";

const titleOf = (key: string) => reviewInputs.find((input) => input.key === key)?.title ?? key;

/** The inputs a refused close names, in words, when the server lists them. */
function missingInputs(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const details = error.details as { missingInputs?: unknown } | undefined;
  return Array.isArray(details?.missingInputs) ? details.missingInputs.map((key) => titleOf(String(key))) : [];
}

/**
 * Moving the review on: start it, compile (or recompile) its pack as of a date, close it, or cancel
 * it. What still stands between it and closing is listed before anyone clicks, and a refusal from
 * the server is shown with the inputs it names.
 */
export function ReviewControls({ orgId, review }: { orgId: string; review: ManagementReviewDetail }) {
  const [cancelling, setCancelling] = useState(false);
  const move = useReviewMutation(orgId, review.id, (to: ManagementReviewStatus) =>
    callApi(routes.transitionManagementReview, {
      params: { orgId, reviewId: review.id },
      body: { to, version: review.version },
    }),
  );
  const open = review.status === "planned" || review.status === "in_progress";
  if (!open) return null;
  const canClose = review.allowedTransitions.includes("closed");
  const missing = missingInputs(move.error);
  return (
    <Card withBorder component="section" aria-labelledby="review-steps-heading">
      <Title order={2} size="h3" id="review-steps-heading" mb="sm">
        Next steps
      </Title>
      <Stack>
        {review.closeBlockers.length > 0 && missing.length === 0 && (
          <div>
            <Text size="sm" fw={500}>
              Before the review can close, it needs:
            </Text>
            <List size="sm">
              {review.closeBlockers.map((blocker) => (
                <List.Item key={blocker}>{blocker}</List.Item>
              ))}
            </List>
          </div>
        )}
        {missing.length > 0 ? (
          <Alert color="red" role="alert" title="The review cannot close yet">
            <Text size="sm">Record a decision on each of these inputs first:</Text>
            <List size="sm">
              {missing.map((title) => (
                <List.Item key={title}>{title}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          move.error && <ErrorAlert error={move.error} title="The review did not move on" />
        )}
        <CompilePackForm orgId={orgId} review={review} />
        <Group>
          {review.status === "planned" && (
            <Button
              onClick={() => move.mutate("in_progress")}
              loading={move.isPending && move.variables === "in_progress"}
            >
              Start the review
            </Button>
          )}
          {canClose && (
            <Button
              onClick={() => move.mutate("closed")}
              loading={move.isPending && move.variables === "closed"}
              variant={review.closeBlockers.length === 0 ? "filled" : "default"}
            >
              Close the review
            </Button>
          )}
          <Button variant="default" color="red" onClick={() => setCancelling(true)}>
            Cancel the review
          </Button>
        </Group>
      </Stack>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={`Cancel ${review.ref}?`}>
        <Stack>
          <Text size="sm">
            A cancelled review keeps its record but can no longer change. Schedule a new review when it is held.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              Keep the review
            </Button>
            <Button
              color="red"
              loading={move.isPending && move.variables === "cancelled"}
              onClick={() => move.mutate("cancelled", { onSettled: () => setCancelling(false) })}
            >
              Cancel the review
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** Compiles the pack from the records as of a date (now when empty) and keeps it on the review. */
function CompilePackForm({ orgId, review }: { orgId: string; review: ManagementReviewDetail }) {
  const [asOf, setAsOf] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const compile = useReviewMutation(orgId, review.id, (body: { version: number; asOf?: string }) =>
    callApi(routes.compileManagementReviewPack, { params: { orgId, reviewId: review.id }, body }),
  );
  const formRef = useErrorFocus(errors, compile.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(compileReviewPackRequestSchema, { version: review.version, ...(asOf ? { asOf } : {}) });
    setErrors(result.errors ?? {});
    if (result.data) compile.mutate(result.data, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Compile the input pack">
      <Stack gap="xs">
        {compile.error && !errors.asOf && <ErrorAlert error={compile.error} title="The pack was not compiled" />}
        <Text size="sm">
          {review.packAsOf
            ? `The pack reads the records as of ${formatDateTime(review.packAsOf)} (compiled ${formatDateTime(review.packCompiledAt)}). Compile it again to replace it.`
            : "The pack is compiled from the records as of a date and kept with the review, so the minutes show what the meeting saw."}
        </Text>
        <Group align="flex-end">
          <TextInput
            label="Records as of"
            description="Empty for now; a date means the end of that day (UTC)"
            type="date"
            value={asOf}
            onChange={(event) => setAsOf(event.currentTarget.value)}
            error={errors.asOf}
          />
          <Button type="submit" variant={review.packAsOf ? "default" : "filled"} loading={compile.isPending}>
            {review.packAsOf ? "Compile the pack again" : "Compile the pack"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
