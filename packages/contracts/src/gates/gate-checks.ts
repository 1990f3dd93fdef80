import { z } from "zod";
import { roleSchema } from "../common.js";
import { redteamSeveritySchema } from "../redteam/redteam-attributes.js";

/**
 * What a release gate can require before an AI system moves to a later lifecycle stage. Each
 * organisation configures a checklist of these per target stage and impact tier.
 */
export const gateCheckKinds = [
  "risk_review_recent",
  "impact_assessment_current",
  "high_risks_accepted",
  "security_test_recent",
  "sign_offs",
] as const;
export const gateCheckKindSchema = z.enum(gateCheckKinds);
export type GateCheckKind = z.infer<typeof gateCheckKindSchema>;

const days = z.number().int().min(1).max(730);

/** One configured check, with the thresholds it applies. */
export const gateCheckConfigSchema = z.discriminatedUnion("kind", [
  /** Every open risk of the system was reviewed within `maxAgeDays`, and none awaits re-review. */
  z.object({ kind: z.literal("risk_review_recent"), maxAgeDays: days }),
  /** The system's impact assessment is approved and not made stale by a material change. */
  z.object({ kind: z.literal("impact_assessment_current") }),
  /** No open risk rated `minRating` or worse lacks a current acceptance. */
  z.object({ kind: z.literal("high_risks_accepted"), minRating: z.enum(["high", "critical"]) }),
  /** A finished security test younger than `maxAgeDays`, with no open finding at `blockingSeverity` or worse. */
  z.object({ kind: z.literal("security_test_recent"), maxAgeDays: days, blockingSeverity: redteamSeveritySchema }),
  /** A member of each named role has signed this gate off. */
  z.object({ kind: z.literal("sign_offs"), roles: z.array(roleSchema).min(1).max(6) }),
]);
export type GateCheckConfig = z.infer<typeof gateCheckConfigSchema>;
