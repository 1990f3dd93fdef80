import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { acceptRiskRequestSchema, type Role, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { ErrorAlert } from "../ui/error-alert";
import { roleLabel } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { ratingLabels } from "./risk-labels";
import type { RiskDetail, RiskMethodData } from "./risk-types";

interface Props {
  orgId: string;
  risk: RiskDetail;
  method: RiskMethodData;
  role: Role;
}

/**
 * Records the signed-in person's acceptance of the current rating. The server decides whether the
 * role may accept it; a refusal is shown as the server words it.
 */
export function AcceptRiskForm({ orgId, risk, method, role }: Props) {
  const queryClient = useQueryClient();
  const [rationale, setRationale] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const limit = method.acceptanceByRole[role] ?? null;
  const approval = useApprovalCheck("risk_acceptance", risk.id, risk.version);
  const accept = useMutation({
    mutationFn: (body: z.input<typeof acceptRiskRequestSchema>) =>
      callApi(routes.acceptRisk, { params: { orgId, riskId: risk.id }, body }),
    onSuccess: async (accepted) => {
      notifications.show({ color: "blue", message: `${accepted.ref} is accepted until ${accepted.acceptedUntil}.` });
      setRationale("");
      setExpiresOn("");
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(acceptRiskRequestSchema, { rationale, expiresOn, version: risk.version });
    setErrors(result.errors ?? {});
    if (result.data) accept.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Accept this risk">
      <Stack>
        <Text size="sm">
          You accept the current rating ({risk.currentRating ? ratingLabels[risk.currentRating] : "not rated"}) in your
          own name. As {roleLabel(role)} the method lets you accept{" "}
          {limit ? `risks rated up to ${ratingLabels[limit]}` : "no risks"}.
        </Text>
        {accept.error && <ErrorAlert error={accept.error} title="Acceptance refused" />}
        <Textarea
          label="Rationale"
          description="Why this risk is acceptable as it stands."
          required
          autosize
          minRows={2}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={errors.rationale}
        />
        <Group align="flex-end">
          <TextInput
            label="Accepted until"
            type="date"
            required
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
          />
          <Button type="submit" loading={accept.isPending} disabled={approval?.mayApprove === false}>
            Accept risk
          </Button>
        </Group>
        <SelfApprovalNote check={approval} />
      </Stack>
    </form>
  );
}
