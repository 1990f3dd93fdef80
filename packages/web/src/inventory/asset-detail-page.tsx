import { Alert, Badge, Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ArchiveRecordModal } from "./archive-record-modal";
import { AssetForm, type AssetRequestBody } from "./asset-form";
import { assetFormOf } from "./asset-form-values";
import { AssetOverview } from "./asset-overview";
import { assetKindLabels } from "./inventory-labels";
import { InventoryNav } from "./inventory-nav";

/** One asset: view, edit or archive it. */
export default function AssetDetailPage() {
  const { orgId, can } = useOrg();
  const assetId = useParams().assetId ?? "";
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const asset = useQuery({
    queryKey: ["assets", orgId, "detail", assetId],
    queryFn: () => callApi(routes.getAsset, { params: { orgId, assetId } }),
  });
  const version = asset.data?.version ?? 0;
  const saved = async (message: string) => {
    notifications.show({ color: "blue", message });
    await queryClient.invalidateQueries({ queryKey: ["assets", orgId] });
    await queryClient.invalidateQueries({ queryKey: ["system-assets", orgId] });
  };
  const update = useMutation({
    mutationFn: (body: AssetRequestBody) =>
      callApi(routes.updateAsset, { params: { orgId, assetId }, body: { ...body, version } }),
    onSuccess: async (result) => {
      await saved(`${result.name} was saved.`);
      setEditing(false);
    },
    meta: { inlineError: true },
  });
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveAsset, { params: { orgId, assetId }, body: { reason, version } }),
    onSuccess: async (result) => {
      await saved(`${result.name} was archived.`);
      setArchiving(false);
    },
    meta: { inlineError: true },
  });

  if (asset.isPending) return <PageLoader />;
  if (asset.error) return <ErrorAlert error={asset.error} title="Could not load the asset" />;
  const data = asset.data;
  const writable = can("governance.write") && data.status === "active";
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title={data.name}>
        <Badge variant="light">{assetKindLabels[data.kind]}</Badge>
      </PageHeader>
      {data.status === "archived" && (
        <Alert color="gray" title="Archived">
          {data.archiveReason}
        </Alert>
      )}
      {editing ? (
        <AssetForm
          initial={assetFormOf(data)}
          submitLabel="Save changes"
          onSubmit={(body) => update.mutate(body)}
          onCancel={() => setEditing(false)}
          pending={update.isPending}
          error={update.error}
        />
      ) : (
        <>
          {writable && (
            <Group>
              <Button onClick={() => setEditing(true)}>Edit asset</Button>
              <Button variant="default" color="red" onClick={() => setArchiving(true)}>
                Archive asset
              </Button>
            </Group>
          )}
          <AssetOverview asset={data} />
        </>
      )}
      <ArchiveRecordModal
        opened={archiving}
        title={`Archive ${data.name}`}
        explanation="The asset is no longer in use; its links to systems end. The record and its history are kept."
        confirmLabel="Archive asset"
        pending={archive.isPending}
        error={archive.error}
        onConfirm={(reason) => archive.mutate(reason)}
        onClose={() => {
          archive.reset();
          setArchiving(false);
        }}
      />
    </Stack>
  );
}
