import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { RecordActions } from "./record-actions";
import { RecordHeader } from "./record-header";
import { VendorForm, type VendorRequestBody } from "./vendor-form";
import { vendorFormOf } from "./vendor-form-values";
import { VendorOverview } from "./vendor-overview";

/** One vendor: view, edit or archive its record. */
export default function VendorDetailPage() {
  const { orgId, can } = useOrg();
  const vendorId = useParams().vendorId ?? "";
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
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
    onSuccess: (result) => saved(`${result.name} was archived.`),
    meta: { inlineError: true },
  });

  if (vendor.isPending) return <PageLoader />;
  if (vendor.error) return <ErrorAlert error={vendor.error} title="Could not load the vendor" />;
  const data = vendor.data;
  return (
    <Stack>
      <RecordHeader title={data.name} archived={data.status === "archived"} archiveReason={data.archiveReason} />
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
          <RecordActions
            noun="vendor"
            name={data.name}
            explanation="The vendor leaves the active register. Its record, review history and assets are kept."
            writable={can("governance.write") && data.status === "active"}
            onEdit={() => setEditing(true)}
            archive={archive}
          />
          <VendorOverview vendor={data} />
        </>
      )}
    </Stack>
  );
}
