import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** What the sign-in page should offer: SSO, and whether the server still needs setting up. */
export function useAuthConfig() {
  return useQuery({ queryKey: ["auth-config"], queryFn: () => callApi(routes.getAuthConfig), staleTime: 60_000 });
}
