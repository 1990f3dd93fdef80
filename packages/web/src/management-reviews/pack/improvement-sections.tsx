import { Stack, Text } from "@mantine/core";
import {
  type CompetenceSection,
  type ImprovementsSection,
  improvementStatuses,
  labelOf,
  type ObjectivesSection,
  type RisksSection,
  riskRatings,
} from "@openaims/contracts";
import { improvementTone } from "../../nonconformities/nonconformity-tones";
import { formatDate } from "../../ui/format";
import { StatusBadge } from "../../ui/status-badge";
import type { Tone } from "../../ui/status-tones";
import { Counts, cellsOf, DataTable, Fact, Shown } from "./pack-ui";

const ratingTone: Record<(typeof riskRatings)[number], Tone> = {
  low: "success",
  medium: "attention",
  high: "danger",
  critical: "danger",
};

/** 9.3.2 d: each objective's latest reading against its target. */
export function ObjectivesBody({ section }: { section: ObjectivesSection }) {
  return (
    <DataTable
      caption="AI objectives"
      columns={["Objective", "Target", "Current", "Progress", "State", "Owner", "Due"]}
      rows={section.objectives.map((objective) => ({
        key: objective.id,
        cells: cellsOf(
          `${objective.ref} ${objective.title}`,
          `${objective.direction === "increase" ? "at least" : "at most"} ${objective.target}${objective.unit ? ` ${objective.unit}` : ""}`,
          objective.current ? `${objective.current.value} (${formatDate(objective.current.at)})` : "No reading",
          objective.progressPercent === null ? "—" : `${Math.round(objective.progressPercent)}%`,
          <StatusBadge of="objectiveState" value={objective.state} />,
          objective.ownerName ?? "—",
          formatDate(objective.dueDate),
        ),
      }))}
      empty="No AI objective is set. Set objectives (clause 6.2) so the review can judge progress."
    />
  );
}

/** 9.3.2 d: training coverage per role and responsibility, gaps and policy acknowledgement. */
export function CompetenceBody({ section }: { section: CompetenceSection }) {
  const coverage = section.coverage;
  const policy = coverage.policyAcknowledgement;
  const groups = [
    ...coverage.byRole.map((group) => ({ key: `role-${group.role}`, name: labelOf("role", group.role), ...group })),
    ...coverage.byResponsibility.map((group) => ({
      key: `responsibility-${group.responsibility}`,
      name: labelOf("aimsProcess", group.responsibility),
      ...group,
    })),
  ];
  return (
    <Stack gap="xs">
      <Fact label="AI policy acknowledged">
        {policy.policy
          ? `${policy.acknowledged.toLocaleString()} of ${policy.total.toLocaleString()} members (${policy.policy.ref} version ${policy.policy.versionNumber})`
          : "No AI policy was approved at this date"}
      </Fact>
      <Counts
        label="Training gaps"
        items={[
          { label: "Missing", count: coverage.gapCounts.missing, tone: "danger" },
          { label: "Expired", count: coverage.gapCounts.expired, tone: "danger" },
          { label: "Expiring soon", count: coverage.gapCounts.expiring, tone: "attention" },
        ]}
      />
      <DataTable
        caption="Training coverage by role and responsibility"
        columns={["Role or responsibility", "Members", "Requirements", "Fully trained", "Coverage"]}
        rows={groups.map((group) => ({
          key: group.key,
          cells: cellsOf(
            group.name,
            group.members.toLocaleString(),
            String(group.requirements),
            group.fullyCovered.toLocaleString(),
            group.coveragePercent === null ? "—" : `${group.coveragePercent}%`,
          ),
        }))}
        empty="No competence requirement is defined. State the training each role needs (clause 7.2)."
      />
    </Stack>
  );
}

/** 9.3.2 d: risks above what the risk method accepts, highest rating first. */
export function RisksBody({ section }: { section: RisksSection }) {
  return (
    <Stack gap="xs">
      <Fact label="Accepted without treatment up to">{labelOf("riskRating", section.acceptableWithoutTreatment)}</Fact>
      <Counts
        label="Above the criteria"
        items={riskRatings.map((rating) => ({
          label: labelOf("riskRating", rating),
          count: section.byRating[rating],
          tone: ratingTone[rating],
        }))}
      />
      <Shown list={section.risks} one="risk above the criteria" many="risks above the criteria, highest rating first" />
      <DataTable
        caption="Risks above the acceptance criteria"
        columns={["Risk", "Rating", "Owner", "Treatment", "Status"]}
        rows={section.risks.items.map((risk) => ({
          key: risk.id,
          cells: cellsOf(
            `${risk.ref} ${risk.title}${risk.system ? ` (${risk.system.name})` : ""}`,
            <StatusBadge of="riskRating" value={risk.rating} tone={ratingTone[risk.rating]} />,
            risk.owner?.name ?? "—",
            `${risk.treatmentOption ? labelOf("treatmentOption", risk.treatmentOption) : "None chosen"}; actions: ${risk.treatmentActions.open} open, ${risk.treatmentActions.inProgress} in progress, ${risk.treatmentActions.done} done`,
            <>
              <StatusBadge of="riskStatus" value={risk.status} />
              {risk.acceptanceExpired && (
                <StatusBadge tone="danger" ml="xs">
                  Acceptance expired
                </StatusBadge>
              )}
            </>,
          ),
        }))}
        empty="No risk is above the acceptance criteria."
      />
    </Stack>
  );
}

/** 9.3.2 e: open improvements and audit opportunities. */
export function ImprovementsBody({ section }: { section: ImprovementsSection }) {
  return (
    <Stack gap="xs">
      <Counts
        label="By status"
        items={improvementStatuses.map((status) => ({
          label: labelOf("improvementStatus", status),
          count: section.byStatus[status],
          tone: improvementTone[status],
        }))}
      />
      <DataTable
        caption="Improvements open or raised in the period"
        columns={["Improvement", "Source", "Owner", "Status", "Raised"]}
        rows={section.improvements.items.map((item) => ({
          key: item.id,
          cells: cellsOf(
            `${item.ref} ${item.title}`,
            labelOf("improvementSource", item.source),
            item.owner?.name ?? "—",
            <StatusBadge of="improvementStatus" value={item.status} tone={improvementTone[item.status]} />,
            formatDate(item.raisedAt),
          ),
        }))}
        empty="No improvement is open or was raised in the period."
      />
      <Text size="sm" fw={500}>
        Opportunities found by internal audits
      </Text>
      <DataTable
        caption="Opportunities for improvement found by internal audits in the period"
        columns={["Audit", "Requirement", "Notes", "Logged as"]}
        rows={section.auditOpportunities.items.map((item) => ({
          key: item.itemId,
          cells: cellsOf(
            item.audit.ref,
            `${item.requirementId} ${item.title}`,
            item.notes || "—",
            item.improvementRef ?? "Not logged",
          ),
        }))}
        empty="No audit found an opportunity for improvement in the period."
      />
    </Stack>
  );
}
