import { z } from "zod";

/**
 * The inputs a management review considers (clause 9.3.2), in the order a pack presents them. A
 * compiled pack's JSON has exactly one top-level key per input, named here.
 */
export const reviewInputs = [
  { key: "previousActions", clause: "9.3.2 a", title: "Status of actions from earlier management reviews" },
  { key: "externalInternalIssues", clause: "9.3.2 b", title: "Changes in external and internal issues" },
  { key: "interestedParties", clause: "9.3.2 c", title: "Changes in the needs and expectations of interested parties" },
  { key: "nonconformities", clause: "9.3.2 d", title: "Nonconformities and corrective actions" },
  { key: "monitoring", clause: "9.3.2 d", title: "Monitoring and measurement results" },
  { key: "audits", clause: "9.3.2 d", title: "Audit results" },
  { key: "incidents", clause: "9.3.2 d", title: "Incidents" },
  { key: "objectives", clause: "9.3.2 d", title: "Progress on AI objectives" },
  { key: "competence", clause: "9.3.2 d", title: "Competence, training coverage and policy awareness" },
  { key: "risks", clause: "9.3.2 d", title: "Risks above the acceptance criteria" },
  { key: "improvements", clause: "9.3.2 e", title: "Opportunities for continual improvement" },
] as const;

export const reviewInputKeys = reviewInputs.map((input) => input.key) as [
  (typeof reviewInputs)[number]["key"],
  ...(typeof reviewInputs)[number]["key"][],
];
export const reviewInputKeySchema = z.enum(reviewInputKeys);
export type ReviewInputKey = z.infer<typeof reviewInputKeySchema>;
