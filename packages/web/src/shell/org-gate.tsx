import { Alert, Anchor } from "@mantine/core";
import { useEffect, useMemo } from "react";
import { Link, Outlet } from "react-router";
import { PageHeader } from "../ui/page-header";
import { OrgContext, rememberOrg, toOrgScope, useCurrentMembership } from "./current-org";

/** Renders an organisation's pages only for its members; everyone else sees "not found". */
export function OrgGate() {
  const membership = useCurrentMembership();
  const scope = useMemo(() => (membership ? toOrgScope(membership) : null), [membership]);
  useEffect(() => {
    if (membership) rememberOrg(membership.orgId);
  }, [membership]);

  if (!scope) {
    return (
      <>
        <PageHeader title="Organisation not found" />
        <Alert color="red" title="You are not a member of this organisation">
          It may not exist, or your membership has ended.{" "}
          <Anchor component={Link} to="/">
            Go to your organisations
          </Anchor>
        </Alert>
      </>
    );
  }
  return (
    <OrgContext value={scope}>
      <Outlet />
    </OrgContext>
  );
}
