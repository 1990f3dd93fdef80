import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { forgetSession } from "./session";

/** Ends the session on the server, drops every cached record and returns to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => callApi(routes.logout),
    onSettled: async () => {
      await navigate("/signin", { replace: true });
      queryClient.clear();
      forgetSession(queryClient);
    },
  });
}
