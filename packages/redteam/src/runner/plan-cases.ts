/**
 * Turns packs into test cases: each probe in its plain form and once per listed transform, with
 * canaries, markers and the trap URL derived from the seed and the case id alone — so the plan, and
 * therefore the results, do not depend on concurrency or timing.
 */
import type { ScanConfig } from "../config/scan-config.js";
import { caseTokens } from "../detect/case-tokens.js";
import {
  type ChatMessage,
  type PlannedCase,
  type Probe,
  type ProbePack,
  severityRank,
  type TargetCapabilities,
  type TransformName,
} from "../model.js";
import { seededRandom } from "../random.js";
import { applyTransform } from "../transforms/apply-transform.js";
import { renderTemplate } from "./render-template.js";

/** A case that cannot run against this target, with the reason; it is reported as inconclusive. */
export interface SkippedCase {
  caseId: string;
  probe: Probe;
  variant: "plain" | TransformName;
  reason: string;
}

export interface Plan {
  /** In plan order; `skipped` cases keep their place by index. */
  entries: Array<{ kind: "run"; planned: PlannedCase } | { kind: "skip"; skipped: SkippedCase }>;
}

export interface PlanInputs {
  packs: ProbePack[];
  config: Pick<ScanConfig, "seed" | "categories" | "probes" | "minSeverity" | "variants" | "repeat" | "maxCases">;
  capabilities: TargetCapabilities;
  /** The target's known secrets and objects (from its configuration). */
  targetSecrets: Record<string, string>;
  targetObjects: Record<string, string>;
  trapUrlFor(token: string): string;
}

export function planCases(inputs: PlanInputs): Plan {
  const { config } = inputs;
  const probes = inputs.packs.flatMap((pack) => pack.probes).filter((probe) => selected(probe, config));
  const entries: Plan["entries"] = [];
  for (let round = 1; round <= config.repeat; round++) {
    for (const probe of probes) {
      const variants: Array<"plain" | TransformName> = ["plain", ...(config.variants ? probe.transforms : [])];
      for (const variant of variants) {
        if (config.maxCases !== undefined && entries.length >= config.maxCases) return { entries };
        const caseId = `${probe.id}/${variant}${config.repeat > 1 ? `#${round}` : ""}`;
        entries.push(planOne(probe, variant, caseId, inputs));
      }
    }
  }
  return { entries };
}

function selected(probe: Probe, config: PlanInputs["config"]): boolean {
  if (config.categories && !config.categories.includes(probe.category)) return false;
  if (config.probes && !config.probes.includes(probe.id)) return false;
  if (config.minSeverity && severityRank(probe.severity) < severityRank(config.minSeverity)) return false;
  return true;
}

function planOne(
  probe: Probe,
  variant: "plain" | TransformName,
  caseId: string,
  inputs: PlanInputs,
): Plan["entries"][number] {
  const skip = (reason: string) => ({ kind: "skip" as const, skipped: { caseId, probe, variant, reason } });
  const unmet = unmetRequirement(probe, inputs.capabilities);
  if (unmet) return skip(unmet);

  const { seed } = inputs.config;
  const tokens = caseTokens(seed, caseId);
  const trapUrl = inputs.trapUrlFor(tokens.trapToken);
  const base = { canary: tokens.canary, marker: tokens.marker, trapUrl, objects: inputs.targetObjects };

  const missing: string[] = [];
  const render = (template: string, values: Parameters<typeof renderTemplate>[1]) => {
    const rendered = renderTemplate(template, values);
    missing.push(...rendered.missing);
    return rendered.text;
  };

  // Probe secrets may contain {{canary}}; the target's own secrets are literal values it holds.
  const probeSecrets = Object.fromEntries(
    Object.entries(probe.secrets).map(([name, value]) => [name, render(value, { ...base, secrets: {} })]),
  );
  const secrets = { ...inputs.targetSecrets, ...probeSecrets };
  const values = { ...base, secrets };
  let payload: string | undefined;
  if (probe.payload !== undefined) {
    const plain = render(probe.payload, values);
    payload = variant === "plain" ? plain : applyTransform(variant, plain, seededRandom(seed, `${caseId}/transform`));
  }
  const messages = probe.messages.map((message) => renderMessage(message, { ...values, payload }, render));
  const detectorPayloads = probe.detect.map((detector) =>
    detector.kind === "echo" ? { ...detector, payload: render(detector.payload, values) } : detector,
  );
  for (const detector of probe.detect)
    if (detector.kind === "secret")
      missing.push(...detector.names.filter((name) => !(name in secrets)).map((name) => `secret:${name}`));
  if (missing.length > 0)
    return skip(`skipped: the target configuration does not provide ${[...new Set(missing)].join(", ")}`);

  const burst = probe.detect.reduce((size, d) => (d.kind === "no_rate_limit" ? Math.max(size, d.requests) : size), 0);
  return {
    kind: "run",
    planned: {
      caseId,
      probe: { ...probe, detect: detectorPayloads },
      variant,
      messages,
      tools: probe.tools,
      canary: tokens.canary,
      marker: tokens.marker,
      trapToken: tokens.trapToken,
      trapUrl,
      secrets,
      burst,
    },
  };
}

function renderMessage(
  message: Probe["messages"][number],
  values: Parameters<typeof renderTemplate>[1],
  render: (template: string, values: Parameters<typeof renderTemplate>[1]) => string,
): PlannedCase["messages"][number] {
  switch (message.role) {
    case "system":
      return { role: "system", content: render(message.content, values) };
    case "user":
      return { role: "user", content: render(message.content, values), ...(message.as ? { as: message.as } : {}) };
    case "assistant":
      return {
        role: "assistant",
        content: message.content === null ? null : render(message.content, values),
        ...(message.toolCalls
          ? {
              toolCalls: message.toolCalls.map((call) => ({
                id: call.id,
                name: call.name,
                arguments: renderDeep(call.arguments, (text) => render(text, values)) as Record<string, unknown>,
              })),
            }
          : {}),
      };
    case "tool":
      return { ...message, content: render(message.content, values) } satisfies ChatMessage;
  }
}

/** Renders every string inside a JSON value (planted tool-call arguments). */
function renderDeep(value: unknown, render: (text: string) => string): unknown {
  if (typeof value === "string") return render(value);
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, render));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderDeep(item, render)]));
  return value;
}

/** Why the probe cannot run against this target, or null when it can. */
function unmetRequirement(probe: Probe, capabilities: TargetCapabilities): string | null {
  const plantsContext = probe.tools.length > 0 || probe.messages.some((message) => message.role !== "user");
  if ((probe.requires.includes("system_prompt") || plantsContext) && !capabilities.controlsSystemPrompt)
    return "skipped: the probe plants a system prompt, history or tools, which only an OpenAI-compatible target accepts";
  const judgesOwnTools = probe.detect.every((d) => ["tool_call", "tool_sequence", "trap_fetch"].includes(d.kind));
  if (capabilities.kind === "openai" && probe.tools.length === 0 && judgesOwnTools)
    return "skipped: the probe judges the application's own tools, and an OpenAI-compatible endpoint is offered none";
  if (probe.requires.includes("tool_trace") && !capabilities.hasToolTrace)
    return "skipped: the target exposes no tool-call trace";
  if (
    (probe.requires.includes("identities") || probe.messages.some((m) => m.role === "user" && m.as === "secondary")) &&
    capabilities.identities.length < 2
  )
    return "skipped: the probe needs two identities (primary and secondary) and the target has none configured";
  return null;
}
