import { Stack, Tabs } from "@mantine/core";
import { useSearchParams } from "react-router";
import { useOrg } from "../shell/current-org";
import { PageHeader } from "../ui/page-header";
import { CoveragePanel } from "./coverage-panel";
import { MyPolicyAcknowledgement, PolicyPanel } from "./policy-panel";
import { RequirementsPanel } from "./requirements-panel";
import { TrainingRecordsPanel } from "./training-records-panel";

const tabs = ["coverage", "requirements", "training", "policy"] as const;
type Tab = (typeof tabs)[number];

/**
 * Competence and awareness (7.2, 7.3): coverage per role and responsibility with the gaps, the
 * requirements, training records with import, and acknowledgement of the AI policy. The tab is in
 * the URL (`?tab=training`) so it can be linked to.
 */
export default function CompetencePage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as Tab)
    : "coverage";
  const choose = (value: string | null) =>
    setParams(value && value !== "coverage" ? { tab: value } : {}, { replace: true });
  const canWrite = can("governance.write");
  return (
    <Stack>
      <PageHeader title="Competence and awareness" />
      {tab !== "policy" && <MyPolicyAcknowledgementNotice orgId={orgId} />}
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="coverage">Coverage and gaps</Tabs.Tab>
          <Tabs.Tab value="requirements">Requirements</Tabs.Tab>
          <Tabs.Tab value="training">Training records</Tabs.Tab>
          <Tabs.Tab value="policy">AI policy acknowledgement</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="coverage" pt="md">
          <CoveragePanel orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="requirements" pt="md">
          <RequirementsPanel orgId={orgId} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="training" pt="md">
          <TrainingRecordsPanel orgId={orgId} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="policy" pt="md">
          <PolicyPanel orgId={orgId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The member's own "please acknowledge" notice, shown above every tab while it is due. */
function MyPolicyAcknowledgementNotice({ orgId }: { orgId: string }) {
  return <MyPolicyAcknowledgement orgId={orgId} onlyWhenDue />;
}
