import {
  alertLevels,
  alertStatuses,
  auditResults,
  type IssueChanges,
  improvementStatuses,
  incidentSeverities,
  incidentStatuses,
  labelOf,
  metricStates,
  nonconformitySeverities,
  nonconformityStatuses,
  type ReviewPack,
  reviewActionStatuses,
  riskRatings,
  type ScopeVersionRef,
} from "@openaims/contracts";
import type { DocumentBlock } from "./review-pdf.js";

type Blocks = DocumentBlock[];
type Bounded = { total: number; truncated: boolean; items: readonly unknown[] };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const or = (value: string | null | undefined) => (value ? value : "—");
const counts = <K extends string>(keys: readonly K[], record: Record<K, number>, label: (key: K) => string) =>
  keys.map((key) => `${label(key)}: ${record[key]}`).join(" · ");
/** "3 incidents reported in the period." or "Showing 200 of 5,000 …"; `what` is [singular, plural]. */
const shown = (list: Bounded, [one, many]: readonly [string, string]) =>
  list.truncated
    ? `Showing ${list.items.length} of ${list.total.toLocaleString("en")} ${many}.`
    : `${list.total.toLocaleString("en")} ${list.total === 1 ? one : many}.`;

function scopeLine(scope: ScopeVersionRef | null, previous: ScopeVersionRef | null, compared: boolean): DocumentBlock {
  const name = (ref: ScopeVersionRef) => `${ref.ref} version ${ref.number}, approved ${day(ref.approvedAt)}`;
  const now = scope
    ? `Scope in force: ${name(scope)}.`
    : "No approved AIMS scope at this date: approve the scope document to report issues and interested parties.";
  const then = !compared
    ? "No earlier review to compare with."
    : previous
      ? `Compared with ${name(previous)}, in force at the previous review.`
      : "No approved scope at the previous review: every item counts as added.";
  return { kind: "paragraph", text: `${now} ${then}` };
}

function issueBlocks(label: string, changes: IssueChanges): Blocks {
  const mark = (title: string) =>
    changes.added.some((issue) => issue.title === title)
      ? "Added"
      : changes.changed.some((change) => change.after.title === title)
        ? "Changed"
        : "";
  return [
    { kind: "subheading", text: label },
    {
      kind: "table",
      columns: ["Issue", "Detail", "Since last review"],
      rows: changes.items.map((issue) => [issue.title, issue.detail, mark(issue.title)]),
      empty: "None recorded.",
    },
    ...(changes.removed.length > 0
      ? [
          {
            kind: "paragraph" as const,
            text: `Removed since the last review: ${changes.removed.map((issue) => issue.title).join("; ")}.`,
          },
        ]
      : []),
  ];
}

/** The pack as the blocks of its PDF: one heading per 9.3.2 input, in the pack's order. */
export function packBlocks(pack: ReviewPack): Blocks {
  const blocks: Blocks = [];
  const heading = (section: { clause: string; title: string; asOf: string; since: string | null }) => {
    blocks.push({ kind: "heading", text: `${section.clause} — ${section.title}` });
  };

  const actions = pack.previousActions;
  heading(actions);
  blocks.push(
    {
      kind: "paragraph",
      text: actions.previousReview
        ? `Previous review: ${actions.previousReview.ref} ${actions.previousReview.title}, closed ${day(actions.previousReview.closedAt)}.`
        : "No earlier review has been closed.",
    },
    {
      kind: "facts",
      rows: [
        ["By status", counts(reviewActionStatuses, actions.byStatus, (s) => labelOf("reviewActionStatus", s))],
        ["Overdue", String(actions.overdue)],
      ],
    },
    {
      kind: "table",
      columns: ["Action", "Review", "Owner", "Due", "Status"],
      rows: actions.actions.items.map((a) => [
        `${a.ref} ${a.title}`,
        a.review.ref,
        or(a.owner?.name),
        a.dueDate ? `${a.dueDate}${a.overdue ? " (overdue)" : ""}` : "—",
        labelOf("reviewActionStatus", a.status),
      ]),
      empty: "No actions from earlier reviews are open or were finished in the period.",
    },
  );

  const issues = pack.externalInternalIssues;
  heading(issues);
  blocks.push(
    scopeLine(issues.scope, issues.previousScope, issues.compared),
    ...issueBlocks("External issues", issues.external),
    ...issueBlocks("Internal issues", issues.internal),
  );

  const parties = pack.interestedParties;
  heading(parties);
  blocks.push(scopeLine(parties.scope, parties.previousScope, parties.compared), {
    kind: "table",
    columns: ["Interested party", "Needs and expectations", "Addressed by the AIMS", "Since last review"],
    rows: parties.items.map((party) => [
      party.name,
      party.needs,
      party.addressedThroughAims ? "Yes" : `No${party.howAddressed ? ` — ${party.howAddressed}` : ""}`,
      parties.added.some((p) => p.name === party.name)
        ? "Added"
        : parties.changed.some((c) => c.name === party.name)
          ? "Changed"
          : "",
    ]),
    empty: "None recorded.",
  });
  if (parties.removed.length > 0)
    blocks.push({
      kind: "paragraph",
      text: `Removed since the last review: ${parties.removed.map((p) => p.name).join("; ")}.`,
    });

  const ncs = pack.nonconformities;
  heading(ncs);
  blocks.push(
    {
      kind: "facts",
      rows: [
        ["By status", counts(nonconformityStatuses, ncs.byStatus, (s) => labelOf("nonconformityStatus", s))],
        ["By severity", counts(nonconformitySeverities, ncs.bySeverity, (s) => labelOf("nonconformitySeverity", s))],
        ["Raised in the period", String(ncs.openedInPeriod)],
        ["Closed in the period", String(ncs.closedInPeriod)],
        ["Overdue corrective actions", String(ncs.overdueActions)],
        [
          "Effectiveness checks in the period",
          `${ncs.checks.effective} effective, ${ncs.checks.notEffective} not effective`,
        ],
      ],
    },
    { kind: "subheading", text: "Open nonconformities" },
    { kind: "paragraph", muted: true, text: shown(ncs.open, ["nonconformity open", "nonconformities open"]) },
    {
      kind: "table",
      columns: ["Nonconformity", "Severity", "Status", "Corrective actions"],
      rows: ncs.open.items.map((nc) => [
        `${nc.ref} ${nc.title}${nc.system ? ` (${nc.system.name})` : ""}`,
        labelOf("nonconformitySeverity", nc.severity),
        labelOf("nonconformityStatus", nc.status),
        nc.actions.length === 0
          ? "None planned"
          : nc.actions
              .map(
                (a) =>
                  `${a.title} — ${or(a.owner?.name)}, due ${or(a.dueDate)}, ${labelOf("correctiveActionStatus", a.status).toLowerCase()}${a.overdue ? ", OVERDUE" : ""}`,
              )
              .join("\n"),
      ]),
      empty: "No nonconformity was open at this date.",
    },
    { kind: "subheading", text: "Effectiveness checks" },
    {
      kind: "table",
      columns: ["Nonconformity", "Checked on", "Method", "Result"],
      rows: ncs.checks.items.map((c) => [
        `${c.nonconformity.ref} ${c.nonconformity.title}`,
        c.checkedOn,
        c.method,
        labelOf("effectivenessResult", c.result),
      ]),
      empty: "No effectiveness check was recorded in the period.",
    },
  );

  const monitoring = pack.monitoring;
  heading(monitoring);
  blocks.push(
    {
      kind: "facts",
      rows: [
        ["Metrics by state", counts(metricStates, monitoring.metricsByState, (s) => labelOf("metricState", s))],
        ["Alerts by level", counts(alertLevels, monitoring.alertsByLevel, (s) => labelOf("alertLevel", s))],
        ["Alerts by status", counts(alertStatuses, monitoring.alertsByStatus, (s) => labelOf("alertStatus", s))],
      ],
    },
    { kind: "subheading", text: "Metrics" },
    { kind: "paragraph", muted: true, text: shown(monitoring.metrics, ["metric", "metrics"]) },
    {
      kind: "table",
      columns: ["Metric", "AI system", "Latest value", "Thresholds", "State"],
      rows: monitoring.metrics.items.map((m) => [
        m.name,
        m.system.name,
        m.latest ? `${m.latest.value}${m.unit ? ` ${m.unit}` : ""} (${day(m.latest.at)})` : "No data",
        `warning ${m.warning ?? "—"}, critical ${m.critical ?? "—"} (${labelOf("metricDirection", m.direction).toLowerCase()})`,
        labelOf("metricState", m.state),
      ]),
      empty: "No metric is defined: define metrics in Monitoring to measure the AI systems.",
    },
    { kind: "subheading", text: "Alerts raised in the period" },
    {
      kind: "table",
      columns: ["Alert", "Metric", "AI system", "Level", "Status", "First seen"],
      rows: monitoring.alerts.items.map((a) => [
        a.ref,
        `${a.metric.name} (${labelOf("alertKind", a.kind).toLowerCase()})`,
        a.system.name,
        labelOf("alertLevel", a.level),
        labelOf("alertStatus", a.status),
        day(a.firstSeenAt),
      ]),
      empty: "No alert was raised in the period.",
    },
  );

  const audits = pack.audits;
  heading(audits);
  blocks.push(
    {
      kind: "facts",
      rows: [
        ["Results", counts(auditResults, audits.results.byResult, (r) => labelOf("auditResult", r))],
        ["Unanswered items", String(audits.results.unanswered)],
        ["Nonconformities raised", String(audits.nonconformitiesRaised)],
      ],
    },
    {
      kind: "table",
      columns: ["Audit", "Status", "Lead auditor", "Results", "Nonconformities"],
      rows: audits.audits.items.map((a) => [
        `${a.ref} ${a.title} (${a.plannedStart} – ${a.plannedEnd})`,
        `${labelOf("internalAuditStatus", a.status)}${a.closedAt ? ` ${day(a.closedAt)}` : ""}`,
        or(a.leadAuditor?.name),
        auditResults
          .filter((r) => a.results.byResult[r] > 0)
          .map((r) => `${labelOf("auditResult", r)} ${a.results.byResult[r]}`)
          .join(", ") || "None yet",
        String(a.nonconformitiesRaised),
      ]),
      empty: "No internal audit closed in the period or was under way at this date.",
    },
  );

  const incidents = pack.incidents;
  heading(incidents);
  blocks.push(
    {
      kind: "facts",
      rows: [
        ["By severity", counts(incidentSeverities, incidents.bySeverity, (s) => labelOf("incidentSeverity", s))],
        ["By status", counts(incidentStatuses, incidents.byStatus, (s) => labelOf("incidentStatus", s))],
        ["Not closed at this date (any period)", String(incidents.openAtAsOf)],
      ],
    },
    {
      kind: "paragraph",
      muted: true,
      text: shown(incidents.incidents, ["incident reported in the period", "incidents reported in the period"]),
    },
    {
      kind: "table",
      columns: ["Incident", "Severity", "Status", "Detected", "AI systems"],
      rows: incidents.incidents.items.map((i) => [
        `${i.ref} ${i.title}`,
        labelOf("incidentSeverity", i.severity),
        labelOf("incidentStatus", i.status),
        day(i.detectedAt),
        i.systems.map((s) => s.name).join(", ") || "—",
      ]),
      empty: "No incident was reported in the period.",
    },
  );

  const objectives = pack.objectives;
  heading(objectives);
  blocks.push({
    kind: "table",
    columns: ["Objective", "Target", "Current", "Progress", "State", "Owner", "Due"],
    rows: objectives.objectives.map((o) => [
      `${o.ref} ${o.title}`,
      `${o.direction === "increase" ? "≥" : "≤"} ${o.target}${o.unit ? ` ${o.unit}` : ""}`,
      o.current ? `${o.current.value} (${day(o.current.at)})` : "No reading",
      o.progressPercent === null ? "—" : `${Math.round(o.progressPercent)}%`,
      labelOf("objectiveState", o.state),
      or(o.ownerName),
      or(o.dueDate),
    ]),
    empty: "No AI objective is set: set objectives (clause 6.2) so the review can judge progress.",
  });

  const competence = pack.competence.coverage;
  heading(pack.competence);
  const policy = competence.policyAcknowledgement;
  blocks.push(
    {
      kind: "facts",
      rows: [
        [
          "AI policy acknowledged",
          policy.policy
            ? `${policy.acknowledged} of ${policy.total} members (${policy.policy.ref} version ${policy.policy.versionNumber})`
            : "No approved AI policy at this date",
        ],
        [
          "Training gaps",
          `${competence.gapCounts.missing} missing, ${competence.gapCounts.expired} expired, ${competence.gapCounts.expiring} expiring soon`,
        ],
      ],
    },
    {
      kind: "table",
      columns: ["Role or responsibility", "Members", "Requirements", "Fully trained", "Coverage"],
      rows: [
        ...competence.byRole.map(
          (r) => [labelOf("role", r.role), r.members, r.requirements, r.fullyCovered, r.coveragePercent] as const,
        ),
        ...competence.byResponsibility.map(
          (r) =>
            [
              labelOf("aimsProcess", r.responsibility),
              r.members,
              r.requirements,
              r.fullyCovered,
              r.coveragePercent,
            ] as const,
        ),
      ].map(([name, members, requirements, covered, percent]) => [
        name,
        String(members),
        String(requirements),
        String(covered),
        percent === null ? "—" : `${percent}%`,
      ]),
      empty: "No competence requirement is defined: state the training each role needs (clause 7.2).",
    },
  );

  const risks = pack.risks;
  heading(risks);
  blocks.push(
    {
      kind: "facts",
      rows: [
        ["Accepted without treatment up to", labelOf("riskRating", risks.acceptableWithoutTreatment)],
        ["Above the criteria, by rating", counts(riskRatings, risks.byRating, (r) => labelOf("riskRating", r))],
      ],
    },
    {
      kind: "paragraph",
      muted: true,
      text: shown(risks.risks, [
        "risk above the acceptance criteria",
        "risks above the acceptance criteria, highest rating first",
      ]),
    },
    {
      kind: "table",
      columns: ["Risk", "Rating", "Owner", "Treatment", "Status"],
      rows: risks.risks.items.map((r) => [
        `${r.ref} ${r.title}${r.system ? ` (${r.system.name})` : ""}`,
        labelOf("riskRating", r.rating),
        or(r.owner?.name),
        `${r.treatmentOption ? labelOf("treatmentOption", r.treatmentOption) : "None chosen"}; actions ${r.treatmentActions.open} open, ${r.treatmentActions.inProgress} in progress, ${r.treatmentActions.done} done`,
        `${labelOf("riskStatus", r.status)}${r.acceptanceExpired ? " (acceptance expired)" : ""}`,
      ]),
      empty: "No risk is above the acceptance criteria.",
    },
  );

  const improvements = pack.improvements;
  heading(improvements);
  blocks.push(
    {
      kind: "facts",
      rows: [["By status", counts(improvementStatuses, improvements.byStatus, (s) => labelOf("improvementStatus", s))]],
    },
    {
      kind: "table",
      columns: ["Improvement", "Source", "Owner", "Status", "Raised"],
      rows: improvements.improvements.items.map((i) => [
        `${i.ref} ${i.title}`,
        labelOf("improvementSource", i.source),
        or(i.owner?.name),
        labelOf("improvementStatus", i.status),
        day(i.raisedAt),
      ]),
      empty: "No improvement is open or was raised in the period.",
    },
    { kind: "subheading", text: "Opportunities found by internal audits" },
    {
      kind: "table",
      columns: ["Audit", "Requirement", "Notes", "Logged as"],
      rows: improvements.auditOpportunities.items.map((o) => [
        o.audit.ref,
        `${o.requirementId} ${o.title}`,
        o.notes,
        or(o.improvementRef),
      ]),
      empty: "No audit found an opportunity for improvement in the period.",
    },
  );
  return blocks;
}
