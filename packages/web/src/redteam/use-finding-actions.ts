import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import type { Finding } from "./redteam-types";

/** Raise a risk or a nonconformity from a finding, or dismiss it; each refreshes the scan. */
export function useFindingActions(orgId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["redteam", orgId] });
  const raiseRisk = useMutation({
    mutationFn: (finding: Finding) =>
      callApi(routes.raiseRiskFromFinding, {
        params: { orgId, findingId: finding.id },
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
    mutationFn: (finding: Finding) =>
      callApi(routes.raiseNonconformityFromFinding, {
        params: { orgId, findingId: finding.id },
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
