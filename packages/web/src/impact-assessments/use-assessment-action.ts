import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useOrg } from "../shell/current-org";
import type { Assessment } from "./impact-types";

/**
 * A write on one revision: on success the revision in the cache is replaced by the answer and the
 * module's lists are refreshed. Errors are shown by the caller (inline), not as a notification.
 */
export function useAssessmentAction<V>(action: (variables: V) => Promise<Assessment>, successMessage: string) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async (updated) => {
      queryClient.setQueryData(["impact-assessments", orgId, "assessment", updated.id], updated);
      notifications.show({ color: "blue", message: `${updated.ref}: ${successMessage}` });
      await queryClient.invalidateQueries({
        queryKey: ["impact-assessments", orgId],
        predicate: (query) => !(query.queryKey[2] === "assessment" && query.queryKey[3] === updated.id),
      });
    },
    meta: { inlineError: true },
  });
}
