import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { reviewRiskRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import type { RiskDetail } from "./risk-types";

interface Props {
  orgId: string;
  risk: RiskDetail;
  canWrite: boolean;
}

/**
 * When the risk was last reviewed, whether a material change or a monitoring rule asked for another
 * review, and the form that records one. The release gate reads both.
 */
export function ReviewSection({ orgId, risk, canWrite }: Props) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const review = useMutation({
    mutationFn: (body: z.input<typeof reviewRiskRequestSchema>) =>
      callApi(routes.reviewRisk, { params: { orgId, riskId: risk.id }, body }),
    onSuccess: async (reviewed) => {
      notifications.show({ color: "blue", message: `${reviewed.ref} is marked reviewed.` });
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["changes", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, review.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(reviewRiskRequestSchema, { version: risk.version, note: note.trim() || undefined });
    setErrors(result.errors ?? {});
    if (result.data) review.mutate(result.data);
  };
  return (
    <Card withBorder component="section" aria-labelledby="review-heading">
      <Title order={2} size="h3" id="review-heading" mb="sm">
        Review
      </Title>
      <Stack>
        <Text>Last reviewed {formatDateTime(risk.reviewedAt)}.</Text>
        {risk.needsReview && (
          <Alert color="violet" title="Needs review">
            A material change or a monitoring rule asked on {formatDateTime(risk.rereviewRequestedAt)} for this risk to
            be reviewed again. Check that the assessment still holds (edit it if it does not), then mark it reviewed.
            {risk.system && (
              <>
                {" "}
                <Anchor component={Link} to={`/o/${orgId}/changes?systemId=${risk.system.id}`}>
                  See the changes to {risk.system.name}
                </Anchor>
                .
              </>
            )}
          </Alert>
        )}
        {canWrite && !risk.archivedAt && (
          <form ref={formRef} onSubmit={submit} noValidate aria-label="Mark this risk reviewed">
            <Stack>
              {review.error && <ErrorAlert error={review.error} title="Review not recorded" />}
              <Textarea
                label="Review note"
                description="Optional: what you checked or concluded. It is kept in the audit trail."
                autosize
                minRows={2}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                error={errors.note}
              />
              <Group>
                <Button type="submit" loading={review.isPending} variant={risk.needsReview ? "filled" : "default"}>
                  Mark reviewed
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
