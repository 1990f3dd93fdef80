import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { archiveRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import type { RiskDetail } from "./risk-types";

interface Props {
  orgId: string;
  risk: RiskDetail;
  opened: boolean;
  onClose: () => void;
}

/** Archives a risk with a reason; the record and its history stay. */
export function ArchiveRiskModal({ orgId, risk, opened, onClose }: Props) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const archive = useMutation({
    mutationFn: (body: z.output<typeof archiveRequestSchema>) =>
      callApi(routes.archiveRisk, { params: { orgId, riskId: risk.id }, body }),
    onSuccess: async () => {
      notifications.show({ color: "blue", message: `${risk.ref} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
      close();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const close = () => {
    setReason("");
    setErrors({});
    archive.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(archiveRequestSchema, { reason, version: risk.version });
    setErrors(result.errors ?? {});
    if (result.data) archive.mutate(result.data);
  };
  return (
    <Modal opened={opened} onClose={close} title={`Archive ${risk.ref}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">The risk leaves the register; the record and its audit trail are kept.</Text>
          {archive.error && <ErrorAlert error={archive.error} title="Could not archive" />}
          <Textarea
            label="Reason"
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
            <Button type="submit" color="red" loading={archive.isPending}>
              Archive risk
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
