import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import type { ModelFinding } from "./model-scan-labels";

/** Raise a risk or a nonconformity from a model scan finding; each refreshes the scan. */
export function useModelFindingActions(orgId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["model-scans", orgId] });
  const raiseRisk = useMutation({
    mutationFn: (finding: ModelFinding) =>
      callApi(routes.raiseRiskFromModelFinding, {
        params: { orgId, modelFindingId: finding.id },
        body: { version: finding.version },
      }),
    onSuccess: async (finding) => {
      notifications.show({ color: "green", message: `Risk ${finding.risk?.ref ?? ""} was added to the register.` });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    meta: { inlineError: true },
  });
  const raiseNonconformity = useMutation({
    mutationFn: (finding: ModelFinding) =>
      callApi(routes.raiseNonconformityFromModelFinding, {
        params: { orgId, modelFindingId: finding.id },
        body: { version: finding.version },
      }),
    onSuccess: async (finding) => {
      notifications.show({
        color: "green",
        message: `Nonconformity ${finding.nonconformity?.ref ?? ""} was recorded.`,
      });
      await refresh();
    },
    meta: { inlineError: true },
  });
  return { raiseRisk, raiseNonconformity };
}
