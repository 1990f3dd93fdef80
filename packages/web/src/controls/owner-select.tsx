import { Select } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

interface Props {
  orgId: string;
  value: string | null;
  /** Shown while the member list loads, or for an owner no longer listed. */
  currentName: string | null;
  onChange: (memberId: string | null) => void;
  error?: string;
}

/** Picks the member who owns a control. */
export function OwnerSelect({ orgId, value, currentName, onChange, error }: Props) {
  const members = useQuery({
    queryKey: ["members", orgId, "owner-options"],
    queryFn: () => callApi(routes.listMembers, { params: { orgId }, query: { status: "active", limit: 200 } }),
  });
  const data = (members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }));
  if (value && currentName && !data.some((d) => d.value === value)) data.push({ value, label: currentName });
  return (
    <Select
      label="Owner"
      placeholder="No owner"
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
      maw={420}
    />
  );
}
