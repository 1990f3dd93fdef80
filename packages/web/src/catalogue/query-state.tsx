import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";

/** Renders the loaded data, or the spinner while it loads, or the error plainly. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorAlert error={query.error} title="The catalogue could not be loaded" />;
  if (query.data === undefined) return <PageLoader />;
  return <>{children(query.data)}</>;
}
