import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { InventoryNav } from "./inventory-nav";
import { VendorForm, type VendorRequestBody } from "./vendor-form";
import { emptyVendorForm } from "./vendor-form-values";

/** Records a vendor whose AI the organisation uses. */
export default function NewVendorPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: VendorRequestBody) => callApi(routes.createVendor, { params: { orgId }, body }),
    onSuccess: async (vendor) => {
      notifications.show({ color: "blue", message: `${vendor.name} was recorded.` });
      await queryClient.invalidateQueries({ queryKey: ["vendors", orgId] });
      await navigate(`/o/${orgId}/inventory/vendors/${vendor.id}`);
    },
    meta: { inlineError: true },
  });
  if (!can("governance.write")) return <NoAccess title="New vendor" />;
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="New vendor" />
      <VendorForm
        initial={emptyVendorForm}
        submitLabel="Record vendor"
        onSubmit={(body) => create.mutate(body)}
        onCancel={() => navigate(`/o/${orgId}/inventory/vendors`)}
        pending={create.isPending}
        error={create.error}
      />
    </Stack>
  );
}
