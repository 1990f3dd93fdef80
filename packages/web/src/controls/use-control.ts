import { type Control, routes } from "@openaims/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

export const controlKey = (orgId: string, controlId: string) => ["controls", orgId, "one", controlId];

/** One control, kept fresh under the "controls" query key. */
export function useControl(orgId: string, controlId: string) {
  return useQuery({
    queryKey: controlKey(orgId, controlId),
    queryFn: () => callApi(routes.getControl, { params: { orgId, controlId } }),
  });
}

/** Stores a control the server answered with, and refreshes lists and the SoA that show it. */
export function useControlSaved(orgId: string) {
  const queryClient = useQueryClient();
  return async (control: Control) => {
    queryClient.setQueryData(controlKey(orgId, control.id), control);
    await queryClient.invalidateQueries({ queryKey: ["controls", orgId] });
    await queryClient.invalidateQueries({ queryKey: ["soa", orgId] });
    await queryClient.invalidateQueries({ queryKey: ["risk-controls", orgId] });
  };
}
