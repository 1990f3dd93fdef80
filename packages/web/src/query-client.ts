import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/api-error";
import { forgetSession, sessionKey } from "./auth/session";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** The form shows this mutation's error itself; skip the global notification. */
      inlineError?: boolean;
    };
  }
}

/**
 * One place for what every request shares: an expired session sends the person to sign in, a
 * refusal refreshes their memberships, a version conflict reloads the data, and other write
 * failures become a notification.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === sessionKey[0] || !(error instanceof ApiError)) return;
        if (isUnauthenticated(error)) forgetSession(client);
        // Access may have changed (role changed, membership archived): refresh the memberships.
        else if (error.status === 403 || error.status === 404) void client.invalidateQueries({ queryKey: sessionKey });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && client.getQueryData(sessionKey)) {
          forgetSession(client);
          return;
        }
        if (error instanceof ApiError && error.code === "version_conflict") {
          notifications.show({
            color: "red",
            title: "Changed by someone else",
            message:
              "Someone else changed this record since you opened it. It has been reloaded; review it and try again.",
          });
          void client.invalidateQueries();
          return;
        }
        if (mutation.meta?.inlineError) return;
        notifications.show({ color: "red", title: "That didn't work", message: error.message });
      },
    }),
  });
  return client;
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
