import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  decideGateRequestSchema,
  gateChecklistSchema,
  gateChecklistsSchema,
  gateDecisionListQuerySchema,
  gateDecisionSchema,
  gateOverrideActionRequestSchema,
  gateOverrideListQuerySchema,
  gateOverrideSchema,
  gateQuerySchema,
  gateReportSchema,
  gateSignOffSchema,
  releaseAttestationSchema,
  replaceGateChecklistRequestSchema,
  requestGateOverrideRequestSchema,
  signOffGateRequestSchema,
} from "./gate-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const systemParams = z.object({ orgId: idSchema, systemId: idSchema });
const decisionParams = z.object({ orgId: idSchema, decisionId: idSchema });
const overrideParams = z.object({ orgId: idSchema, overrideId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const override = { kind: "org", permission: "gates.override" } as const;
const base = "/api/v1/orgs/:orgId";
const tag = "gates";

/** Routes of release gates: checklists, checks, decisions, sign-offs and signed release attestations. */
export const gateRoutes = {
  listGateChecklists: defineRoute({
    method: "GET",
    path: `${base}/gate-checklists`,
    summary: "The organisation's gate checklist for every stage and impact tier, defaults included",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: gateChecklistsSchema,
  }),
  replaceGateChecklist: defineRoute({
    method: "PUT",
    path: `${base}/gate-checklists`,
    summary: "Replace the checklist a system of an impact tier passes to move into a stage",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: replaceGateChecklistRequestSchema,
    response: gateChecklistSchema,
  }),
  getGate: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/gate`,
    summary:
      "Evaluate the gate into a stage (default: the next) from the records, without recording a decision; deployed is accepted for deployment",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: gateQuerySchema,
    response: gateReportSchema,
  }),
  decideGate: defineRoute({
    method: "POST",
    path: `${base}/systems/:systemId/gate/decisions`,
    summary:
      "Record a gate decision computed on the server; a pass into a later stage moves the system there, a pass for its current stage records a re-check, a failure is recorded as such",
    tag,
    access: write,
    write: true,
    params: systemParams,
    body: decideGateRequestSchema,
    response: gateDecisionSchema,
    status: 201,
  }),
  listSystemGateDecisions: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/gate/decisions`,
    summary: "List an AI system's gate decisions, newest first",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: pageQuerySchema,
    response: pageSchema(gateDecisionSchema),
  }),
  signOffGate: defineRoute({
    method: "POST",
    path: `${base}/systems/:systemId/gate/sign-offs`,
    summary: "Sign off an AI system for a stage in your role",
    tag,
    access: write,
    write: true,
    params: systemParams,
    body: signOffGateRequestSchema,
    response: gateSignOffSchema,
    status: 201,
  }),
  requestGateOverride: defineRoute({
    method: "POST",
    path: `${base}/systems/:systemId/gate/overrides`,
    summary:
      "Ask to override a failing gate, with a reason; records the failed decision and waits for another member's approval",
    tag,
    access: override,
    write: true,
    params: systemParams,
    body: requestGateOverrideRequestSchema,
    response: gateOverrideSchema,
    status: 201,
  }),
  listGateDecisions: defineRoute({
    method: "GET",
    path: `${base}/gate-decisions`,
    summary: "List the organisation's gate decisions, newest first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(gateDecisionListQuerySchema.shape),
    response: pageSchema(gateDecisionSchema),
  }),
  getGateDecision: defineRoute({
    method: "GET",
    path: `${base}/gate-decisions/:decisionId`,
    summary: "Read a gate decision with its snapshot",
    tag,
    access: read,
    write: false,
    params: decisionParams,
    response: gateDecisionSchema,
  }),
  getGateAttestation: defineRoute({
    method: "GET",
    path: `${base}/gate-decisions/:decisionId/attestation`,
    summary:
      "The decision as a signed release attestation: an in-toto Statement v1 in a DSSE envelope, Ed25519-signed with the organisation's key. Answers 409 for a failed decision",
    tag,
    access: read,
    write: false,
    params: decisionParams,
    response: releaseAttestationSchema,
  }),
  listGateOverrides: defineRoute({
    method: "GET",
    path: `${base}/gate-overrides`,
    summary: "List gate overrides, newest first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(gateOverrideListQuerySchema.shape),
    response: pageSchema(gateOverrideSchema),
  }),
  approveGateOverride: defineRoute({
    method: "POST",
    path: `${base}/gate-overrides/:overrideId/approve`,
    summary:
      "Approve another member's gate override: records an overridden decision and moves the system. Its author may not approve it",
    tag,
    access: override,
    write: true,
    params: overrideParams,
    body: gateOverrideActionRequestSchema,
    response: gateOverrideSchema,
  }),
  withdrawGateOverride: defineRoute({
    method: "POST",
    path: `${base}/gate-overrides/:overrideId/withdraw`,
    summary: "Withdraw a gate override that is still awaiting approval",
    tag,
    access: override,
    write: true,
    params: overrideParams,
    body: gateOverrideActionRequestSchema,
    response: gateOverrideSchema,
  }),
  getReleaseKey: defineRoute({
    method: "GET",
    path: `${base}/.well-known/release-key.pem`,
    summary:
      "The organisation's public Ed25519 key (PEM) that verifies its release attestations; public, no sign-in. 404 until its first passed gate",
    tag,
    access: { kind: "public" },
    write: false,
    params: orgParams,
    response: null,
    produces: "application/x-pem-file",
  }),
} as const;
