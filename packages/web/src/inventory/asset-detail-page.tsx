import { Badge, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { callApi } from "../api/client";
import { AssetEvidenceCard } from "../evidence/asset-evidence-card";
import { useOrg } from "../shell/current-org";
import { AssetSupplyChainPanel } from "../supply-chain/asset-supply-chain-panel";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { AssetForm, type AssetRequestBody } from "./asset-form";
import { assetFormOf } from "./asset-form-values";
import { AssetOverview } from "./asset-overview";
import { assetKindLabels } from "./inventory-labels";
import { RecordActions } from "./record-actions";
import { RecordHeader } from "./record-header";

/** One asset: view, edit or archive it. */
export default function AssetDetailPage() {
  const { orgId, can } = useOrg();
  const assetId = useParams().assetId ?? "";
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
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
    onSuccess: (result) => saved(`${result.name} was archived.`),
    meta: { inlineError: true },
  });

  if (asset.isPending) return <PageLoader />;
  if (asset.error) return <ErrorAlert error={asset.error} title="Could not load the asset" />;
  const data = asset.data;
  return (
    <Stack>
      <RecordHeader title={data.name} archived={data.status === "archived"} archiveReason={data.archiveReason}>
        <Badge variant="light">{assetKindLabels[data.kind]}</Badge>
      </RecordHeader>
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
          <RecordActions
            noun="asset"
            name={data.name}
            explanation="The asset is no longer in use; its links to systems end. The record and its history are kept."
            writable={can("governance.write") && data.status === "active"}
            onEdit={() => setEditing(true)}
            archive={archive}
          />
          <AssetOverview asset={data} />
          {(data.kind === "model" || data.kind === "dataset") && (
            <AssetSupplyChainPanel
              orgId={orgId}
              asset={data}
              canWrite={can("governance.write") && data.status === "active"}
            />
          )}
          <AssetEvidenceCard assetId={data.id} />
        </>
      )}
    </Stack>
  );
}
