import { Anchor, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../../api/client";
import { useOrg } from "../../shell/current-org";
import { ErrorAlert } from "../../ui/error-alert";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/page-header";
import { PageLoader } from "../../ui/page-loader";
import { SoaApprovePanel } from "./soa-approve-panel";
import { SoaExportButtons } from "./soa-export-buttons";
import { SoaIssues } from "./soa-issues";
import { SoaRowsTable } from "./soa-rows-table";
import { SoaSummaryCard } from "./soa-summary";
import { SoaVersions } from "./soa-versions";

/** The Statement of Applicability: the draft, its issues, approval, versions and downloads. */
export default function SoaPage() {
  const { orgId, can } = useOrg();
  const draft = useQuery({
    queryKey: ["soa", orgId, "draft"],
    queryFn: () => callApi(routes.getSoa, { params: { orgId } }),
  });

  return (
    <Stack>
      <Anchor component={Link} to={`/o/${orgId}/controls`} size="sm">
        ← All controls
      </Anchor>
      <PageHeader title="Statement of Applicability">
        <SoaExportButtons orgId={orgId} />
      </PageHeader>
      {draft.isPending ? (
        <PageLoader />
      ) : draft.error ? (
        <ErrorAlert error={draft.error} title="Could not load the SoA" />
      ) : (
        <>
          <Text>
            {draft.data.lastApproved
              ? `Last approved: version ${draft.data.lastApproved.number}, ${formatDateTime(draft.data.lastApproved.approvedAt)}. ${
                  draft.data.changedSinceApproval ? "The draft has changed since." : "The draft matches it."
                }`
              : "No version has been approved yet."}
          </Text>
          <SoaSummaryCard summary={draft.data.summary} />
          <SoaIssues issues={draft.data.issues} />
          {can("governance.write") && <SoaApprovePanel orgId={orgId} draft={draft.data} />}
          <section aria-labelledby="soa-draft-heading">
            <Title order={2} size="h3" id="soa-draft-heading" mb="sm">
              Current draft
            </Title>
            <SoaRowsTable rows={draft.data.rows} />
          </section>
        </>
      )}
      {/* Below the draft once it is on screen, so the long table does not push it down as it arrives. */}
      {!draft.isPending && <SoaVersions orgId={orgId} />}
    </Stack>
  );
}
