import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";

/** A proposal waits as "proposed" until someone accepts it (creating a risk) or dismisses it with a reason. */
export const threatProposalStatuses = ["proposed", "accepted", "dismissed"] as const;
export const threatProposalStatusSchema = z.enum(threatProposalStatuses, {
  message: `must be one of: ${threatProposalStatuses.join(", ")}`,
});
export type ThreatProposalStatus = z.infer<typeof threatProposalStatusSchema>;

export const threatProposalSchema = z
  .object({
    id: idSchema,
    systemId: idSchema,
    threatId: z.string(),
    /** Title from the threat library; the id when the library no longer has it. */
    threatTitle: z.string(),
    /** Why the profile of the system suggested this threat. */
    reason: z.string(),
    status: threatProposalStatusSchema,
    dismissalReason: z.string().nullable(),
    /** The risk created by accepting the proposal. */
    risk: z.object({ id: idSchema, ref: z.string() }).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ThreatProposal" });
export type ThreatProposal = z.infer<typeof threatProposalSchema>;

export const threatProposalListQuerySchema = z.object({
  status: z
    .enum([...threatProposalStatuses, "all"], { message: "must be proposed, accepted, dismissed or all" })
    .default("all"),
});

/** What a threat-modelling run did. */
export const threatModelRunSchema = z.object({
  /** Proposals created by this run. */
  created: z.array(threatProposalSchema),
  /** Suggested threats already proposed, accepted or dismissed for this system. */
  skipped: z.number().int(),
});

export const acceptThreatProposalRequestSchema = z.object({
  version: versionSchema,
  /** Owner of the new risk; the system's owner when absent. */
  ownerMemberId: idSchema.nullable().optional(),
});

export const dismissThreatProposalRequestSchema = z.object({ version: versionSchema, reason: reasonSchema });

/** Answer to accepting a proposal: the proposal and the risk it created. */
export const acceptedThreatProposalSchema = z.object({
  proposal: threatProposalSchema,
  riskId: idSchema,
});
