import { Select } from "@mantine/core";
import { useNavigate } from "react-router";
import { useMe } from "../auth/me-context";
import { useCurrentMembership } from "./current-org";

interface Props {
  /** "header": label beside the input, shown from the sm breakpoint; "navbar": stacked, small screens only. */
  placement: "header" | "navbar";
}

/** Switches between the organisations the person belongs to; the choice lives in the URL. */
export function OrgSwitcher({ placement }: Props) {
  const { memberships } = useMe();
  const current = useCurrentMembership();
  const navigate = useNavigate();
  if (memberships.length === 0) return null;
  const inHeader = placement === "header";
  return (
    <Select
      label="Organisation"
      data={memberships.map((m) => ({ value: m.orgId, label: m.orgName }))}
      value={current?.orgId ?? null}
      onChange={(orgId) => {
        if (orgId) void navigate(`/o/${orgId}`);
      }}
      allowDeselect={false}
      size="sm"
      w={inHeader ? 260 : undefined}
      mb={inHeader ? undefined : "sm"}
      styles={inHeader ? { root: { display: "flex", alignItems: "center", gap: 8 }, wrapper: { flex: 1 } } : undefined}
      visibleFrom={inHeader ? "sm" : undefined}
      hiddenFrom={inHeader ? undefined : "sm"}
    />
  );
}
