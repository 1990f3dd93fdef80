import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { MeContext } from "./me-context";
import { useSessionQuery } from "./session";

/** Renders its children for a signed-in person and sends everyone else to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} m="xl" />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === "/" ? "/signin" : `/signin?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <MeContext value={session.data.me}>{children}</MeContext>;
}
