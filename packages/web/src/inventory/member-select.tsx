import { Select } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

interface MemberSelectProps {
  label: string;
  description?: string;
  value: string | null;
  onChange: (memberId: string | null) => void;
  error?: string;
}

/** Picks an active member of the organisation (the first 200 by name) as a record's owner. */
export function MemberSelect({ label, description, value, onChange, error }: MemberSelectProps) {
  const { orgId } = useOrg();
  const members = useQuery({
    queryKey: ["members", orgId, "owner-options"],
    queryFn: () => callApi(routes.listMembers, { params: { orgId }, query: { status: "active", limit: 200 } }),
  });
  const data = (members.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.name} (${member.email})`,
  }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={members.isPending ? "Loading members…" : "No owner yet"}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error ?? (members.error ? "Could not load the members." : undefined)}
      maw={480}
    />
  );
}
