import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { dismissThreatProposalRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import type { ThreatProposalItem } from "./risk-types";

interface Props {
  orgId: string;
  proposal: ThreatProposalItem | null;
  onClose: () => void;
}

/** Dismisses a proposed threat; the reason is kept with the proposal. */
export function DismissProposalModal({ orgId, proposal, onClose }: Props) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const dismiss = useMutation({
    mutationFn: (body: z.output<typeof dismissThreatProposalRequestSchema>) =>
      callApi(routes.dismissThreatProposal, { params: { orgId, proposalId: proposal?.id ?? "" }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["threat-proposals", orgId] });
      close();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const close = () => {
    setReason("");
    setErrors({});
    dismiss.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!proposal) return;
    const result = validate(dismissThreatProposalRequestSchema, { reason, version: proposal.version });
    setErrors(result.errors ?? {});
    if (result.data) dismiss.mutate(result.data);
  };
  return (
    <Modal opened={proposal !== null} onClose={close} title={`Dismiss ${proposal?.threatTitle ?? "threat"}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {dismiss.error && <ErrorAlert error={dismiss.error} title="Could not dismiss" />}
          <Textarea
            label="Reason for dismissing"
            description="Why this threat does not apply to the system."
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={dismiss.isPending}>
              Dismiss threat
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
