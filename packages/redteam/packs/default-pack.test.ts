import { annexAControls, clauses, mitreAtlasTactics, owaspAgenticTop10, owaspLlmTop10 } from "@openaims/core";
import { describe, expect, it } from "vitest";
import { categories, type Probe, probePackSchema, transformNames } from "../src/model.js";
import packData from "./default.json" with { type: "json" };

/** Secrets and objects a target configuration supplies itself (see README.md). */
const TARGET_SECRETS = new Set(["system_prompt", "primary_record_secret"]);
const TARGET_OBJECTS = new Set(["primary_record"]);
const PLACEHOLDER = /\{\{\s*([a-z_]+)(?::([A-Za-z0-9_-]+))?\s*\}\}/g;

const pack = probePackSchema.parse(packData);

/** Every template text of a probe: payload, secrets, messages and planted tool-call arguments. */
function templatesOf(probe: Probe): string[] {
  const texts = [probe.payload ?? "", ...Object.values(probe.secrets)];
  for (const message of probe.messages) {
    if (message.content) texts.push(message.content);
    if (message.role === "assistant")
      for (const call of message.toolCalls ?? []) texts.push(JSON.stringify(call.arguments));
  }
  return texts;
}

function placeholdersOf(probe: Probe): Array<{ name: string; argument?: string }> {
  return templatesOf(probe).flatMap((text) =>
    [...text.matchAll(PLACEHOLDER)].map((match) => ({
      name: match[1] ?? "",
      ...(match[2] ? { argument: match[2] } : {}),
    })),
  );
}

const each = pack.probes.map((probe) => [probe.id, probe] as const);

describe("the default probe pack", () => {
  it("is the versioned OpenAIMS pack with unique probe ids", () => {
    expect(pack.id).toBe("openaims-default");
    expect(pack.version).toBe("2026.11.0");
    const ids = pack.probes.map((probe) => probe.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(40);
  });

  it("covers every category with at least three probes and uses every transform", () => {
    for (const category of categories)
      expect(pack.probes.filter((probe) => probe.category === category).length, category).toBeGreaterThanOrEqual(3);
    const used = new Set(pack.probes.flatMap((probe) => probe.transforms));
    expect([...used].sort()).toEqual([...transformNames].sort());
    const direct = pack.probes.filter((probe) => probe.category === "direct_injection");
    expect(direct.filter((probe) => probe.transforms.length > 0).length).toBeGreaterThan(direct.length / 2);
  });

  it.each(each)("%s is tagged with ids that exist", (_id, probe) => {
    const known = {
      owaspLlm: new Set(owaspLlmTop10.map((item) => item.id)),
      owaspAgentic: new Set(owaspAgenticTop10.map((item) => item.id)),
      atlas: new Set(mitreAtlasTactics.map((item) => item.id)),
      iso: new Set([...clauses.map((clause) => clause.id), ...annexAControls.map((control) => control.id)]),
    };
    for (const id of probe.tags.owaspLlm) expect(known.owaspLlm, id).toContain(id);
    for (const id of probe.tags.owaspAgentic) expect(known.owaspAgentic, id).toContain(id);
    for (const id of probe.tags.atlas) expect(known.atlas, id).toContain(id);
    for (const id of probe.tags.isoControls) expect(known.iso, id).toContain(id);
    expect(probe.tags.isoControls).toContain("A.6.2.4");
  });

  it.each(each)("%s only uses placeholders it can fill", (_id, probe) => {
    for (const { name, argument } of placeholdersOf(probe)) {
      if (name === "secret")
        expect(argument !== undefined && (argument in probe.secrets || TARGET_SECRETS.has(argument))).toBe(true);
      else if (name === "object") {
        expect(TARGET_OBJECTS.has(argument ?? "")).toBe(true);
        expect(probe.requires).toContain("identities");
      } else if (name === "filler") expect(argument).toMatch(/^\d+$/);
      else expect(["canary", "marker", "trap_url", "payload"]).toContain(name);
    }
    for (const text of templatesOf(probe)) expect(text.replace(PLACEHOLDER, "")).not.toMatch(/\{\{|\}\}/);
    const usesPayload = probe.messages.some(
      (message) => message.role === "user" && message.content.includes("{{payload}}"),
    );
    if (probe.transforms.length > 0 || probe.payload !== undefined) expect(usesPayload).toBe(true);
    if (usesPayload) expect(probe.payload).toBeDefined();
  });

  it.each(each)("%s plants what its detectors look for", (_id, probe) => {
    const planted = templatesOf(probe).join("\n");
    const offered = new Set(probe.tools.map((tool) => tool.name));
    for (const detector of probe.detect) {
      switch (detector.kind) {
        case "canary":
          expect(planted).toContain("{{canary}}");
          break;
        case "marker":
          expect(planted).toContain("{{marker}}");
          break;
        case "trap_fetch":
          expect(planted).toContain("{{trap_url}}");
          break;
        case "secret":
          for (const name of detector.names) expect(name in probe.secrets || TARGET_SECRETS.has(name), name).toBe(true);
          break;
        case "echo":
          expect(detector.payload).toBe(probe.payload);
          break;
        case "tool_call":
        case "tool_sequence": {
          expect(probe.requires).toContain("tool_trace");
          const named =
            detector.kind === "tool_sequence"
              ? [detector.tool, detector.requires]
              : [
                  ...(detector.allow ?? []),
                  ...(detector.deny ?? []),
                  ...(detector.arguments ?? []).map((rule) => rule.tool),
                ];
          // Probes without tools of their own test the application's tools (documented in README.md).
          if (offered.size > 0) for (const name of named) expect(offered, name).toContain(name);
          for (const rule of detector.kind === "tool_call" ? (detector.arguments ?? []) : [])
            if (rule.notMatching) expect(() => new RegExp(rule.notMatching as string, "i")).not.toThrow();
          break;
        }
        case "accepts_oversized":
          expect(planted).toMatch(/\{\{filler:\d+\}\}/);
          break;
        default:
          break;
      }
    }
  });

  it.each(each)("%s declares what it needs from the target", (_id, probe) => {
    const plantsContext = probe.tools.length > 0 || probe.messages.some((message) => message.role !== "user");
    expect(probe.requires.includes("system_prompt")).toBe(plantsContext);
    const asSecondary = probe.messages.some((message) => message.role === "user" && message.as === "secondary");
    expect(probe.requires.includes("identities")).toBe(asSecondary);
    expect(probe.description.length).toBeGreaterThan(40);
    expect(probe.remediation.length).toBeGreaterThan(40);
  });
});
