import { notifications } from "@mantine/notifications";
import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";
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
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveRisk, { params: { orgId, riskId: risk.id }, body: { reason, version: risk.version } }),
    onSuccess: async () => {
      notifications.show({ color: "blue", message: `${risk.ref} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={opened}
      title={`Archive ${risk.ref}`}
      description="The risk leaves the register; the record and its audit trail are kept."
      label="Reason"
      confirmLabel="Archive risk"
      confirmColor="red"
      errorTitle="Could not archive"
      schema={reasonSchema}
      mutation={archive}
      onClose={onClose}
    />
  );
}
