import { Select } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

interface VendorSelectProps {
  value: string | null;
  onChange: (vendorId: string | null) => void;
  error?: string;
}

/** Picks the vendor an asset comes from, among the organisation's recorded vendors. */
export function VendorSelect({ value, onChange, error }: VendorSelectProps) {
  const { orgId } = useOrg();
  const vendors = useQuery({
    queryKey: ["vendors", orgId, "options"],
    queryFn: () => callApi(routes.listVendors, { params: { orgId }, query: { limit: 200 } }),
  });
  const data = (vendors.data?.items ?? []).map((vendor) => ({ value: vendor.id, label: vendor.name }));
  return (
    <Select
      label="Vendor"
      description="Who supplies it, when it is bought or hosted elsewhere."
      placeholder={data.length === 0 ? "No vendors recorded" : "Built in-house"}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error ?? (vendors.error ? "Could not load the vendors." : undefined)}
      maw={480}
    />
  );
}
