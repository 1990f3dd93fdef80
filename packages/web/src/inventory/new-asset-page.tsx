import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { AssetForm, type AssetRequestBody } from "./asset-form";
import { emptyAssetForm } from "./asset-form-values";
import { InventoryNav } from "./inventory-nav";

/** Records a new model, dataset, prompt, agent, tool or vendor service. */
export default function NewAssetPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: AssetRequestBody) => callApi(routes.createAsset, { params: { orgId }, body }),
    onSuccess: async (asset) => {
      notifications.show({ color: "blue", message: `${asset.name} was recorded.` });
      await queryClient.invalidateQueries({ queryKey: ["assets", orgId] });
      await navigate(`/o/${orgId}/inventory/assets/${asset.id}`);
    },
    meta: { inlineError: true },
  });
  if (!can("governance.write")) return <NoAccess title="New asset" />;
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="New asset" />
      <AssetForm
        initial={emptyAssetForm}
        submitLabel="Record asset"
        onSubmit={(body) => create.mutate(body)}
        onCancel={() => navigate(`/o/${orgId}/inventory/assets`)}
        pending={create.isPending}
        error={create.error}
      />
    </Stack>
  );
}
