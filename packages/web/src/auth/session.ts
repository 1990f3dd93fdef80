import { routes } from "@openaims/contracts";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/api-error";
import { type ApiResult, callApi, setCsrfToken } from "../api/client";

/** `{ me, csrfToken }` as answered by sign-in, setup, invitation accept and GET /auth/session. */
export type Session = ApiResult<typeof routes.getSession>;
export type Me = Session["me"];
export type Membership = Me["memberships"][number];

export const sessionKey = ["session"] as const;

/** The current session, or null when nobody is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await callApi(routes.getSession);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** Stores a session answered by a sign-in style call, so the app continues as that person. */
export function storeSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
}

/** Forgets the session locally, e.g. after signing out or when the server answers 401. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(sessionKey, null);
}

/** Replaces the person in the stored session, e.g. after renaming. */
export function storeMe(queryClient: QueryClient, me: Me): void {
  queryClient.setQueryData<Session | null>(sessionKey, (old) => (old ? { ...old, me } : old));
}
