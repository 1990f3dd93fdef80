import { Anchor, Button, Group, Stack } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ArchiveEvidenceModal } from "./archive-evidence-modal";
import { EvidenceFacts } from "./evidence-facts";
import { EvidenceLinksCard } from "./evidence-links-card";

/** One piece of evidence: its details, file and hash, and what it is linked to. */
export default function EvidenceDetailPage() {
  const { orgId, can } = useOrg();
  const { evidenceId = "" } = useParams();
  const [archiving, setArchiving] = useState(false);
  const query = useQuery({
    queryKey: ["evidence", orgId, "detail", evidenceId],
    queryFn: () => callApi(routes.getEvidence, { params: { orgId, evidenceId } }),
  });

  if (query.isPending) return <PageLoader />;
  if (query.error) {
    return (
      <Stack>
        <PageHeader title="Evidence" />
        <ErrorAlert error={query.error} title="Could not load this evidence" />
      </Stack>
    );
  }
  const evidence = query.data;
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to evidence
      </Anchor>
      <PageHeader title={`${evidence.ref} · ${evidence.title}`}>
        {can("governance.write") && evidence.status === "active" && (
          <Group>
            <Button variant="default" color="red" onClick={() => setArchiving(true)}>
              Archive
            </Button>
          </Group>
        )}
      </PageHeader>
      <EvidenceFacts evidence={evidence} orgId={orgId} />
      <EvidenceLinksCard evidence={evidence} />
      <ArchiveEvidenceModal evidence={evidence} opened={archiving} onClose={() => setArchiving(false)} />
    </Stack>
  );
}
