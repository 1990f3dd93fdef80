import { Alert, Button, Group, Stack } from "@mantine/core";
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
import { InventoryNav } from "./inventory-nav";
import { VendorForm, type VendorRequestBody } from "./vendor-form";
import { vendorFormOf } from "./vendor-form-values";
import { VendorOverview } from "./vendor-overview";

/** One vendor: view, edit or archive its record. */
export default function VendorDetailPage() {
  const { orgId, can } = useOrg();
  const vendorId = useParams().vendorId ?? "";
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const vendor = useQuery({
    queryKey: ["vendors", orgId, "detail", vendorId],
    queryFn: () => callApi(routes.getVendor, { params: { orgId, vendorId } }),
  });
  const version = vendor.data?.version ?? 0;
  const saved = async (message: string) => {
    notifications.show({ color: "blue", message });
    await queryClient.invalidateQueries({ queryKey: ["vendors", orgId] });
  };
  const update = useMutation({
    mutationFn: (body: VendorRequestBody) =>
      callApi(routes.updateVendor, { params: { orgId, vendorId }, body: { ...body, version } }),
    onSuccess: async (result) => {
      await saved(`${result.name} was saved.`);
      setEditing(false);
    },
    meta: { inlineError: true },
  });
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveVendor, { params: { orgId, vendorId }, body: { reason, version } }),
    onSuccess: async (result) => {
      await saved(`${result.name} was archived.`);
      setArchiving(false);
    },
    meta: { inlineError: true },
  });

  if (vendor.isPending) return <PageLoader />;
  if (vendor.error) return <ErrorAlert error={vendor.error} title="Could not load the vendor" />;
  const data = vendor.data;
  const writable = can("governance.write") && data.status === "active";
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title={data.name} />
      {data.status === "archived" && (
        <Alert color="gray" title="Archived">
          {data.archiveReason}
        </Alert>
      )}
      {editing ? (
        <VendorForm
          initial={vendorFormOf(data)}
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
              <Button onClick={() => setEditing(true)}>Edit vendor</Button>
              <Button variant="default" color="red" onClick={() => setArchiving(true)}>
                Archive vendor
              </Button>
            </Group>
          )}
          <VendorOverview vendor={data} />
        </>
      )}
      <ArchiveRecordModal
        opened={archiving}
        title={`Archive ${data.name}`}
        explanation="The vendor leaves the active register. Its record, review history and assets are kept."
        confirmLabel="Archive vendor"
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
