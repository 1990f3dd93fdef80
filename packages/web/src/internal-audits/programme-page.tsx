import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { labelOf, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import { AuditsTable } from "./audits-table";
import { programmeKey, useProgramme } from "./use-audit-data";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap" }}>{children}</Text>
    </div>
  );
}

/** One programme: its period, frequency, methods and reporting, and the audits planned under it. */
export default function ProgrammePage() {
  const { orgId, can, role } = useOrg();
  const { programmeId = "" } = useParams();
  const programme = useProgramme(orgId, programmeId);
  const queryClient = useQueryClient();
  const [archiving, setArchiving] = useState(false);
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveAuditProgramme, {
        params: { orgId, programmeId },
        body: { reason, version: programme.data?.version ?? 1 },
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(programmeKey(orgId, programmeId), updated);
      await queryClient.invalidateQueries({ queryKey: ["audit-programmes", orgId, "list"] });
    },
    meta: { inlineError: true },
  });
  if (programme.error) return <ErrorAlert error={programme.error} title="Could not load the programme" />;
  if (!programme.data) return <PageLoader />;
  const data = programme.data;
  const active = data.status === "active";
  const canPlan = can("audit_records.write") && active;
  const canManage = canPlan && role !== "auditor";
  const planned = data.audits.filter((audit) => audit.status !== "cancelled").length;

  return (
    <Stack gap="lg">
      <PageHeader title={`${data.ref} ${data.title}`}>
        <Group>
          {canPlan && (
            <Button component={Link} to={`/o/${orgId}/audits/new?programmeId=${data.id}`}>
              Plan an audit
            </Button>
          )}
          {canManage && (
            <Button component={Link} to="edit" variant="default">
              Edit programme
            </Button>
          )}
          {canManage && (
            <Button variant="default" color="red" onClick={() => setArchiving(true)}>
              Archive programme
            </Button>
          )}
          <Button component={Link} to={`/o/${orgId}/audits`} variant="default">
            Back to internal audits
          </Button>
        </Group>
      </PageHeader>
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label="Period">
              {data.periodStart} to {data.periodEnd}
            </Fact>
            <Fact label="Frequency">{labelOf("auditFrequency", data.frequency)}</Fact>
            <Fact label="Audits planned">
              {planned} of the {data.expectedAudits} the frequency calls for
            </Fact>
            <div>
              <Text size="sm" c="dimmed">
                Status
              </Text>
              <StatusBadge of="recordStatus" value={data.status} tone={active ? "success" : "neutral"} />
            </div>
          </SimpleGrid>
          {data.archiveReason && <Fact label="Archived because">{data.archiveReason}</Fact>}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Fact label="Objectives">{data.objectives || "Not written yet"}</Fact>
            <Fact label="Methods">{data.methods || "Not written yet"}</Fact>
            <Fact label="Responsibilities">{data.responsibilities || "Not written yet"}</Fact>
            <Fact label="Reporting">{data.reporting || "Not written yet"}</Fact>
          </SimpleGrid>
        </Stack>
      </Card>
      <Stack component="section" aria-labelledby="programme-audits" gap="xs">
        <Title order={2} size="h3" id="programme-audits">
          Audits in this programme
        </Title>
        {data.audits.length === 0 ? (
          <Text>
            No audits planned yet.{" "}
            {canPlan
              ? "Plan the first one: choose its scope, team and dates."
              : "Audits planned here will show up in this list."}
          </Text>
        ) : (
          <AuditsTable audits={data.audits} />
        )}
      </Stack>
      <ReasonModal
        opened={archiving}
        title={`Archive ${data.ref}`}
        description="Its audits stay as they are; no new audits can be planned under an archived programme."
        label="Reason"
        confirmLabel="Archive programme"
        confirmColor="red"
        errorTitle="The programme was not archived"
        maxLength={2000}
        mutation={archive}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
