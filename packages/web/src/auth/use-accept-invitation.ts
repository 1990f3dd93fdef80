import { type acceptInvitationRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { storeSession } from "./session";

type AcceptBody = z.output<typeof acceptInvitationRequestSchema>;

/** Accepts an invitation, continues as the (possibly new) account and opens the organisation joined. */
export function useAcceptInvitation(orgId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: AcceptBody) => callApi(routes.acceptInvitation, { body }),
    onSuccess: async (session) => {
      queryClient.clear();
      storeSession(queryClient, session);
      const joined = session.me.memberships.find((m) => m.orgId === orgId);
      await navigate(joined ? `/o/${joined.orgId}` : "/", { replace: true });
    },
    meta: { inlineError: true },
  });
}
