import { Navigate } from "react-router";
import { useCurrentMembership } from "./current-org";

/** "/" opens the organisation last used, or a welcome page for someone without one. */
export function HomeRedirect() {
  const membership = useCurrentMembership();
  return <Navigate to={membership ? `/o/${membership.orgId}` : "/welcome"} replace />;
}
