import { Anchor, Button, Group, Menu, Stack, Table, Text, Title } from "@mantine/core";
import {
  labelOf,
  type ObjectiveDetail,
  type ObjectiveStatus,
  objectiveStatusSteps,
  reasonSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/client";
import { DetailList } from "../inventory/detail-list";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate, formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import { ObjectiveChartFigure } from "./objective-chart-figure";
import { ObjectiveProgressBar } from "./objective-progress-bar";
import { stateTone, statusTone } from "./objective-tones";
import { RecordProgressModal } from "./record-progress-modal";
import { useMetricObservations, useObjective } from "./use-objective-data";

const stepLabels: Record<ObjectiveStatus, string> = {
  active: "Reopen",
  achieved: "Mark achieved",
  missed: "Mark missed",
  cancelled: "Cancel objective",
};

/** The progress chart: the metric's observations for a metric measure, the history otherwise. */
function ProgressChart({ orgId, objective }: { orgId: string; objective: ObjectiveDetail }) {
  const observations = useMetricObservations(orgId, objective.metric?.id ?? null);
  if (objective.measureKind === "metric") {
    if (observations.error)
      return <ErrorAlert error={observations.error} title="The metric's values could not be read" />;
    if (!observations.data) return <PageLoader />;
    if (observations.data.points.length === 0)
      return <Text>The metric has no observations in the last 90 days; push some and the chart fills in.</Text>;
    return (
      <ObjectiveChartFigure
        objective={objective}
        points={observations.data.points}
        source={observations.data.bucketSeconds ? "averaged values of the metric" : "observations of the metric"}
      />
    );
  }
  if (objective.history.length === 0)
    return <Text>No readings yet. Record the first one with “Record progress”; the chart starts with it.</Text>;
  const points = objective.history.map((reading) => ({ at: reading.recordedAt, value: reading.value }));
  return <ObjectiveChartFigure objective={objective} points={points} source="readings" />;
}

/** One AI objective: its measure and plan, progress chart with the target line, and history of readings. */
export default function ObjectivePage() {
  const { orgId, can } = useOrg();
  const { objectiveId = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const objective = useObjective(orgId, objectiveId);
  const [recording, setRecording] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["objectives", orgId] });
  const step = useMutation({
    mutationFn: (status: ObjectiveStatus) =>
      callApi(routes.updateObjective, {
        params: { orgId, objectiveId },
        body: { status, version: objective.data?.version ?? 0 },
      }),
    onSuccess: refresh,
  });
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveObjective, {
        params: { orgId, objectiveId },
        body: { reason, version: objective.data?.version ?? 0 },
      }),
    onSuccess: async () => {
      await refresh();
      await navigate(`/o/${orgId}/objectives`);
    },
  });
  if (objective.error) return <ErrorAlert error={objective.error} />;
  if (!objective.data) return <PageLoader />;
  const o = objective.data;
  const editable = can("governance.write") && !o.archived;
  const unit = o.unit ? ` ${o.unit}` : "";
  return (
    <Stack>
      <PageHeader title={`${o.ref} ${o.title}`}>
        <Group>
          <StatusBadge of="objectiveState" value={o.state} tone={stateTone[o.state]} />
          <StatusBadge of="objectiveStatus" value={o.status} tone={statusTone[o.status]} />
          {o.archived && <StatusBadge tone="neutral">Archived</StatusBadge>}
        </Group>
      </PageHeader>
      {editable && (
        <Group>
          <Button onClick={() => setRecording(true)}>Record progress</Button>
          <Button component={Link} to="edit" variant="default">
            Edit
          </Button>
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="default">Change status</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {objectiveStatusSteps[o.status].map((to) => (
                <Menu.Item key={to} onClick={() => step.mutate(to)}>
                  {stepLabels[to]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" onClick={() => setArchiving(true)}>
            Archive
          </Button>
        </Group>
      )}
      {step.error && <ErrorAlert error={step.error} title="The status was not changed" />}
      {o.archived && o.archiveReason && <Text>Archived: {o.archiveReason}</Text>}
      <ObjectiveProgressBar objective={o} />
      <DetailList
        caption="The objective"
        items={[
          { label: "Why it matters", value: o.rationale },
          {
            label: "Measured",
            value:
              o.measureKind === "metric" && o.metric ? (
                <Text>
                  From the metric{" "}
                  <Anchor component={Link} to={`/o/${orgId}/monitoring/metrics/${o.metric.id}`}>
                    {o.metric.name}
                  </Anchor>
                  : progress is its latest observation, not an average.
                </Text>
              ) : (
                labelOf("objectiveMeasureKind", o.measureKind)
              ),
          },
          { label: "Measure", value: o.measure },
          { label: "Direction", value: labelOf("objectiveDirection", o.direction) },
          { label: "Baseline", value: o.baseline === null ? "Not known" : `${o.baseline}${unit}` },
          { label: "Target", value: `${o.target}${unit}` },
          {
            label: "Latest value",
            value: o.current ? `${o.current.value}${unit} on ${formatDateTime(o.current.at)}` : "No reading yet",
          },
          { label: "Owner", value: o.owner?.name ?? "" },
          { label: "Due", value: o.dueDate ? formatDate(o.dueDate) : "" },
          { label: "Plan: what", value: o.plan.what },
          { label: "Plan: resources", value: o.plan.resources },
          { label: "Plan: when", value: o.plan.when },
        ]}
      />
      <section aria-labelledby="objective-progress">
        <Title order={2} size="h3" id="objective-progress" mb="xs">
          Progress
        </Title>
        <ProgressChart orgId={orgId} objective={o} />
      </section>
      <section aria-labelledby="objective-history">
        <Title order={2} size="h3" id="objective-history" mb="xs">
          History
        </Title>
        {o.history.length === 0 ? (
          <Text>
            {o.measureKind === "metric"
              ? "No reading kept yet. “Record progress” copies the metric's value into this history, so a review can see what it was."
              : "No reading yet."}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Value</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col">Note</Table.Th>
                <Table.Th scope="col">Recorded by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...o.history].reverse().map((reading) => (
                <Table.Tr key={reading.id}>
                  <Table.Td>{formatDateTime(reading.recordedAt)}</Table.Td>
                  <Table.Td>
                    {reading.value}
                    {unit}
                  </Table.Td>
                  <Table.Td>{labelOf("objectiveProgressSource", reading.source)}</Table.Td>
                  <Table.Td>{reading.note || "—"}</Table.Td>
                  <Table.Td>{reading.recordedBy?.name ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <RecordProgressModal orgId={orgId} objective={o} opened={recording} onClose={() => setRecording(false)} />
      <ReasonModal
        opened={archiving}
        title={`Archive ${o.ref}`}
        description="It leaves the list and the review pack but stays on record with its history."
        label="Reason"
        confirmLabel="Archive"
        errorTitle="The objective was not archived"
        schema={reasonSchema}
        mutation={archive}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
