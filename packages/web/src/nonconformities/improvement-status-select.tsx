import { Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Improvement,
  type ImprovementStatus,
  improvementSteps,
  labelOf,
  reasonSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";

/** Moves an improvement on; declining asks for the reason first. */
export function ImprovementStatusSelect({ orgId, item }: { orgId: string; item: Improvement }) {
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const send = (body: { status: ImprovementStatus; declineReason?: string }) =>
    callApi(routes.updateImprovement, {
      params: { orgId, improvementId: item.id },
      body: { ...body, version: item.version },
    });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["improvements", orgId] });
  const update = useMutation({
    mutationFn: (status: ImprovementStatus) => send({ status }),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: "red", title: "Status not changed", message: errorMessage(error) }),
    meta: { inlineError: true },
  });
  const decline = useMutation({
    mutationFn: (reason: string) => send({ status: "declined", declineReason: reason }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const options = [item.status, ...improvementSteps[item.status]].map((value) => ({
    value,
    label: labelOf("improvementStatus", value),
  }));
  return (
    <>
      <Select<ImprovementStatus>
        aria-label={`Status of ${item.ref}`}
        data={options}
        value={item.status}
        onChange={(next) => {
          if (next === "declined") setDeclining(true);
          else if (next && next !== item.status) update.mutate(next);
        }}
        disabled={update.isPending}
        allowDeselect={false}
        size="xs"
        w={150}
      />
      <ReasonModal
        opened={declining}
        title={`Decline ${item.ref}`}
        description="The improvement stays in the log with your reason; it can be proposed again later."
        label="Why it is declined"
        confirmLabel="Decline"
        errorTitle="Could not decline"
        field="declineReason"
        schema={reasonSchema}
        mutation={decline}
        onClose={() => setDeclining(false)}
      />
    </>
  );
}
