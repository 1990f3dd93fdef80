import { List, Stack, Text } from "@mantine/core";
import {
  type AuditsSection,
  alertLevels,
  alertStatuses,
  auditResults,
  type IncidentsSection,
  incidentSeverities,
  incidentStatuses,
  labelOf,
  type MonitoringSection,
  metricStates,
  type NonconformitiesSection,
  nonconformitySeverities,
  nonconformityStatuses,
} from "@openaims/contracts";
import { severityTone, statusTone } from "../../nonconformities/nonconformity-tones";
import { formatDate } from "../../ui/format";
import { StatusBadge } from "../../ui/status-badge";
import type { Tone } from "../../ui/status-tones";
import { Counts, cellsOf, DataTable, Fact, Shown } from "./pack-ui";

const incidentTone: Record<(typeof incidentSeverities)[number], Tone> = {
  low: "neutral",
  medium: "attention",
  high: "danger",
  critical: "danger",
};
const metricTone: Record<(typeof metricStates)[number], Tone> = {
  within_bounds: "success",
  warning: "attention",
  critical: "danger",
  no_data: "neutral",
};

/** 9.3.2 d: nonconformities, their corrective actions and effectiveness checks. */
export function NonconformitiesBody({ section }: { section: NonconformitiesSection }) {
  return (
    <Stack gap="xs">
      <Counts
        label="By status"
        items={nonconformityStatuses.map((status) => ({
          label: labelOf("nonconformityStatus", status),
          count: section.byStatus[status],
          tone: statusTone[status],
        }))}
      />
      <Counts
        label="By severity"
        items={nonconformitySeverities.map((severity) => ({
          label: labelOf("nonconformitySeverity", severity),
          count: section.bySeverity[severity],
          tone: severityTone[severity],
        }))}
      />
      <Fact label="In the period">
        {section.openedInPeriod} raised, {section.closedInPeriod} closed; {section.overdueActions} corrective action
        {section.overdueActions === 1 ? "" : "s"} overdue
      </Fact>
      <Shown list={section.open} one="nonconformity open" many="nonconformities open" />
      <DataTable
        caption="Open nonconformities"
        columns={["Nonconformity", "Severity", "Status", "Corrective actions"]}
        rows={section.open.items.map((nc) => ({
          key: nc.id,
          cells: cellsOf(
            `${nc.ref} ${nc.title}${nc.system ? ` (${nc.system.name})` : ""}`,
            <StatusBadge of="nonconformitySeverity" value={nc.severity} tone={severityTone[nc.severity]} />,
            <StatusBadge of="nonconformityStatus" value={nc.status} tone={statusTone[nc.status]} />,
            nc.actions.length === 0 ? (
              "None planned"
            ) : (
              <List size="sm" spacing={2}>
                {nc.actions.map((action) => (
                  <List.Item key={action.id}>
                    {action.title} — {action.owner?.name ?? "no owner"}, due {formatDate(action.dueDate)},{" "}
                    {labelOf("correctiveActionStatus", action.status).toLowerCase()}
                    {action.overdue && (
                      <StatusBadge tone="danger" ml="xs">
                        Overdue
                      </StatusBadge>
                    )}
                  </List.Item>
                ))}
              </List>
            ),
          ),
        }))}
        empty="No nonconformity was open at this date."
      />
      <Fact label="Effectiveness checks in the period">
        {section.checks.effective} effective, {section.checks.notEffective} not effective
      </Fact>
      {section.checks.items.length > 0 && (
        <DataTable
          caption="Effectiveness checks in the period"
          columns={["Nonconformity", "Checked on", "Method", "Result"]}
          rows={section.checks.items.map((check) => ({
            key: `${check.nonconformity.id}-${check.checkedOn}-${check.method}`,
            cells: cellsOf(
              `${check.nonconformity.ref} ${check.nonconformity.title}`,
              formatDate(check.checkedOn),
              check.method,
              <StatusBadge tone={check.result === "effective" ? "success" : "danger"}>
                {labelOf("effectivenessResult", check.result)}
              </StatusBadge>,
            ),
          }))}
          empty=""
        />
      )}
    </Stack>
  );
}

/** 9.3.2 d: metrics against their thresholds and alerts raised in the period. */
export function MonitoringBody({ section }: { section: MonitoringSection }) {
  return (
    <Stack gap="xs">
      <Counts
        label="Metrics by state"
        items={metricStates.map((state) => ({
          label: labelOf("metricState", state),
          count: section.metricsByState[state],
          tone: metricTone[state],
        }))}
      />
      <Shown list={section.metrics} one="metric" many="metrics, worst first" />
      <DataTable
        caption="Metrics and their latest values"
        columns={["Metric", "AI system", "Latest value", "Thresholds", "State"]}
        rows={section.metrics.items.map((metric) => ({
          key: metric.id,
          cells: cellsOf(
            metric.name,
            metric.system.name,
            metric.latest
              ? `${metric.latest.value}${metric.unit ? ` ${metric.unit}` : ""} (${formatDate(metric.latest.at)})`
              : "No data",
            `warning ${metric.warning ?? "—"}, critical ${metric.critical ?? "—"}`,
            <StatusBadge of="metricState" value={metric.state} tone={metricTone[metric.state]} />,
          ),
        }))}
        empty="No metric is defined yet: define metrics under Monitoring to measure the AI systems."
      />
      <Counts
        label="Alerts in the period by level"
        items={alertLevels.map((level) => ({
          label: labelOf("alertLevel", level),
          count: section.alertsByLevel[level],
          tone: level === "critical" ? "danger" : "attention",
        }))}
      />
      <Counts
        label="by status at this date"
        items={alertStatuses.map((status) => ({
          label: labelOf("alertStatus", status),
          count: section.alertsByStatus[status],
        }))}
      />
      <DataTable
        caption="Alerts raised in the period"
        columns={["Alert", "Metric", "AI system", "Level", "Status", "First seen"]}
        rows={section.alerts.items.map((alert) => ({
          key: alert.id,
          cells: cellsOf(
            alert.ref,
            `${alert.metric.name} (${labelOf("alertKind", alert.kind).toLowerCase()})`,
            alert.system.name,
            <StatusBadge
              of="alertLevel"
              value={alert.level}
              tone={alert.level === "critical" ? "danger" : "attention"}
            />,
            <StatusBadge of="alertStatus" value={alert.status} />,
            formatDate(alert.firstSeenAt),
          ),
        }))}
        empty="No alert was raised in the period."
      />
    </Stack>
  );
}

/** 9.3.2 d: internal audits closed in the period or under way, with their results. */
export function AuditsBody({ section }: { section: AuditsSection }) {
  return (
    <Stack gap="xs">
      <Counts
        label="Results"
        items={[
          ...auditResults.map((result) => ({
            label: labelOf("auditResult", result),
            count: section.results.byResult[result],
            tone: (result === "major_nc"
              ? "danger"
              : result === "minor_nc"
                ? "attention"
                : result === "conforming"
                  ? "success"
                  : "review") as Tone,
          })),
          { label: "Unanswered", count: section.results.unanswered },
        ]}
      />
      <Fact label="Nonconformities raised from audits">{section.nonconformitiesRaised}</Fact>
      <DataTable
        caption="Internal audits"
        columns={["Audit", "Dates", "Lead auditor", "Status", "Nonconformities"]}
        rows={section.audits.items.map((audit) => ({
          key: audit.id,
          cells: cellsOf(
            `${audit.ref} ${audit.title}`,
            `${formatDate(audit.plannedStart)} – ${formatDate(audit.plannedEnd)}`,
            audit.leadAuditor?.name ?? "—",
            <StatusBadge of="internalAuditStatus" value={audit.status} />,
            String(audit.nonconformitiesRaised),
          ),
        }))}
        empty="No internal audit closed in the period or was under way at this date."
      />
    </Stack>
  );
}

/** 9.3.2 d: incidents reported in the period with the AI systems they affected. */
export function IncidentsBody({ section }: { section: IncidentsSection }) {
  return (
    <Stack gap="xs">
      <Counts
        label="By severity"
        items={incidentSeverities.map((severity) => ({
          label: labelOf("incidentSeverity", severity),
          count: section.bySeverity[severity],
          tone: incidentTone[severity],
        }))}
      />
      <Counts
        label="By status at this date"
        items={incidentStatuses.map((status) => ({
          label: labelOf("incidentStatus", status),
          count: section.byStatus[status],
        }))}
      />
      <Text size="sm">{section.openAtAsOf.toLocaleString()} incidents of any date were not closed at this date.</Text>
      <Shown list={section.incidents} one="incident reported in the period" many="incidents reported in the period" />
      <DataTable
        caption="Incidents reported in the period"
        columns={["Incident", "Severity", "Status", "Detected", "AI systems"]}
        rows={section.incidents.items.map((incident) => ({
          key: incident.id,
          cells: cellsOf(
            `${incident.ref} ${incident.title}`,
            <StatusBadge of="incidentSeverity" value={incident.severity} tone={incidentTone[incident.severity]} />,
            <StatusBadge of="incidentStatus" value={incident.status} />,
            formatDate(incident.detectedAt),
            incident.systems.map((system) => system.name).join(", ") || "—",
          ),
        }))}
        empty="No incident was reported in the period."
      />
    </Stack>
  );
}
