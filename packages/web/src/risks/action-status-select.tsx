import { Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, type TreatmentActionStatus, treatmentActionStatuses } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import { actionStatusLabels } from "./risk-labels";
import type { TreatmentActionItem } from "./risk-types";

/** Moves an action along; done and cancelled are final, so they offer no other status. */
export function ActionStatusSelect({ orgId, action }: { orgId: string; action: TreatmentActionItem }) {
  const queryClient = useQueryClient();
  const final = action.status === "done" || action.status === "cancelled";
  const update = useMutation({
    mutationFn: (status: TreatmentActionStatus) =>
      callApi(routes.updateTreatmentAction, {
        params: { orgId, riskId: action.riskId, actionId: action.id },
        body: { status, version: action.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["risks", orgId] }),
    onError: (error) => notifications.show({ color: "red", title: "Status not changed", message: errorMessage(error) }),
    meta: { inlineError: true },
  });
  return (
    <Select<TreatmentActionStatus>
      aria-label={`Status of ${action.title}`}
      data={treatmentActionStatuses.map((value) => ({ value, label: actionStatusLabels[value] }))}
      value={action.status}
      onChange={(status) => {
        if (status && status !== action.status) update.mutate(status);
      }}
      disabled={final || update.isPending}
      allowDeselect={false}
      size="xs"
      w={160}
    />
  );
}
