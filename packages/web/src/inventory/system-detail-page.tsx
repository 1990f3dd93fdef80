import { Group, Stack, Tabs } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { SystemGatePanel } from "../gates/system-gate-panel";
import { SystemSecurityTests } from "../redteam/system-security-tests";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { ImpactTierBadge } from "./impact-tier-badge";
import { LifecycleBadge } from "./lifecycle-badge";
import { RecordActions } from "./record-actions";
import { RecordHeader } from "./record-header";
import { SystemAssetsPanel } from "./system-assets-panel";
import { SystemEdit } from "./system-edit";
import { SystemOverview } from "./system-overview";
import { SystemRelatedLinks } from "./system-related-links";

/**
 * One AI system: its record (view or edit), the assets it uses, its security tests, its release gate
 * (`?tab=gate` opens it), and links to its risks and evidence.
 */
export default function SystemDetailPage() {
  const { orgId, can } = useOrg();
  const systemId = useParams().systemId ?? "";
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [params] = useSearchParams();
  const system = useQuery({
    queryKey: ["systems", orgId, "detail", systemId],
    queryFn: () => callApi(routes.getSystem, { params: { orgId, systemId } }),
  });
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveSystem, {
        params: { orgId, systemId },
        body: { reason, version: system.data?.version ?? 0 },
      }),
    onSuccess: async (archived) => {
      notifications.show({ color: "blue", message: `${archived.name} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["systems", orgId] });
    },
    meta: { inlineError: true },
  });

  if (system.isPending) return <PageLoader />;
  if (system.error) return <ErrorAlert error={system.error} title="Could not load the system" />;
  const data = system.data;
  const writable = can("governance.write") && data.status === "active";

  return (
    <Stack>
      <RecordHeader title={data.name} archived={data.status === "archived"} archiveReason={data.archiveReason}>
        <Group gap="xs">
          <ImpactTierBadge tier={data.impactTier} />
          <LifecycleBadge stage={data.lifecycleStage} />
        </Group>
      </RecordHeader>
      <SystemRelatedLinks orgId={orgId} systemId={data.id} />
      <Tabs defaultValue={params.get("tab") === "gate" ? "gate" : "overview"} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="assets">Linked assets</Tabs.Tab>
          <Tabs.Tab value="security">Security tests</Tabs.Tab>
          <Tabs.Tab value="gate">Release gate</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          {editing ? (
            <SystemEdit system={data} onDone={() => setEditing(false)} />
          ) : (
            <Stack>
              <RecordActions
                noun="system"
                name={data.name}
                explanation="The system leaves the active inventory. Its record, links and history are kept."
                writable={writable}
                onEdit={() => setEditing(true)}
                archive={archive}
              />
              <SystemOverview system={data} />
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="assets" pt="md">
          <SystemAssetsPanel systemId={data.id} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="md">
          <SystemSecurityTests orgId={orgId} systemId={data.id} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="gate" pt="md">
          <SystemGatePanel systemId={data.id} active={data.status === "active"} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
