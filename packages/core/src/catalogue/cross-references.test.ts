import { describe, expect, it } from "vitest";
import { crosswalkAnomalies } from "./crosswalks/crosswalk-anomalies.js";
import { crosswalkSources } from "./crosswalks/crosswalk-sources.js";
import { isIso42001Id } from "./crosswalks/crosswalks-for.js";
import { euAiActAreaLinks } from "./crosswalks/eu-ai-act-areas.js";
import { euAiActArticles } from "./crosswalks/eu-ai-act-articles.js";
import { iso27001Controls } from "./crosswalks/iso27001-controls.js";
import { iso27001Links } from "./crosswalks/iso27001-links.js";
import { frameworkCrosswalk } from "./crosswalks/nist-eu-crosswalk.js";
import { annexCObjectives, annexCRiskSources } from "./frameworks/annex-c.js";
import { mitreAtlasTactics } from "./frameworks/mitre-atlas.js";
import { nistAiRmf } from "./frameworks/nist-ai-rmf.js";
import { owaspAgenticTop10 } from "./frameworks/owasp-agentic.js";
import { owaspLlmTop10 } from "./frameworks/owasp-llm.js";
import { findAnnexAControl, findClause, isAnnexAControlId, isClauseId } from "./lookups.js";
import { threats } from "./threats/threat-library.js";

const isClauseOrControl = (id: string) => isClauseId(id) || isAnnexAControlId(id);
const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));

describe("outside frameworks", () => {
  it("carry the expected number of entries with unique ids and titles", () => {
    expect(annexCObjectives).toHaveLength(11);
    expect(annexCRiskSources.map((s) => s.id)).toEqual(["C.3.1", "C.3.2", "C.3.3", "C.3.4", "C.3.5", "C.3.6", "C.3.7"]);
    expect(owaspLlmTop10.map((i) => i.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, "0")}:2025`),
    );
    expect(owaspAgenticTop10.map((i) => i.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `ASI${String(i + 1).padStart(2, "0")}`),
    );
    expect(mitreAtlasTactics).toHaveLength(16);
    for (const list of [
      annexCObjectives,
      annexCRiskSources,
      owaspLlmTop10,
      owaspAgenticTop10,
      mitreAtlasTactics,
      nistAiRmf,
    ]) {
      expect(ids(list).size).toBe(list.length);
      for (const item of list) expect(item.title.length, item.id).toBeGreaterThan(2);
    }
  });

  it("builds the NIST AI RMF tree: 4 functions, 19 categories, 72 subcategories", () => {
    const count = (level: string) => nistAiRmf.filter((e) => e.level === level).length;
    expect([count("function"), count("category"), count("subcategory")]).toEqual([4, 19, 72]);
    const known = ids(nistAiRmf);
    for (const entry of nistAiRmf) if (entry.parentId !== null) expect(known.has(entry.parentId), entry.id).toBe(true);
    expect(nistAiRmf.find((e) => e.id === "MEASURE 2.13")).toMatchObject({
      level: "subcategory",
      parentId: "MEASURE 2",
    });
  });
});

describe("crosswalks", () => {
  it("link only known ISO, NIST and EU AI Act ids, with a source for every non-empty list", () => {
    const nist = ids(nistAiRmf.filter((e) => e.level === "subcategory"));
    const articles = ids(euAiActArticles);
    expect(frameworkCrosswalk).toHaveLength(78);
    expect(new Set(frameworkCrosswalk.map((e) => e.iso42001)).size).toBe(78);
    for (const entry of frameworkCrosswalk) {
      expect(isClauseOrControl(entry.iso42001), entry.iso42001).toBe(true);
      for (const id of entry.nistAiRmf) expect(nist.has(id), `${entry.iso42001} → ${id}`).toBe(true);
      for (const id of entry.euAiAct) expect(articles.has(id), `${entry.iso42001} → ${id}`).toBe(true);
      expect(entry.sources.nistAiRmf === null, entry.iso42001).toBe(entry.nistAiRmf.length === 0);
      expect(entry.sources.euAiAct === null, entry.iso42001).toBe(entry.euAiAct.length === 0);
      for (const key of [entry.sources.nistAiRmf, entry.sources.euAiAct]) {
        if (key !== null) expect(crosswalkSources[key]).toBeTruthy();
      }
    }
    expect(frameworkCrosswalk.find((e) => e.iso42001 === "A.6.2.8")?.euAiAct).toEqual(["Art. 12"]);
  });

  it("keeps the printing errors of the NIST crosswalk as printed, resolved to ids that carry the link", () => {
    expect(crosswalkAnomalies).toHaveLength(4);
    for (const anomaly of crosswalkAnomalies) {
      const entry = frameworkCrosswalk.find((e) => e.iso42001 === anomaly.resolvedAs);
      expect(entry?.nistAiRmf, anomaly.printed).toContain(anomaly.nistAiRmf);
      if (anomaly.titleForId) {
        const title = findClause(anomaly.resolvedAs)?.title ?? findAnnexAControl(anomaly.resolvedAs)?.title;
        expect(title, anomaly.printed).toBe(anomaly.titleForId);
      }
    }
  });

  it("sets EU AI Act articles beside existing clauses, areas or controls", () => {
    const articles = ids(euAiActArticles);
    expect(euAiActAreaLinks).toHaveLength(10);
    for (const link of euAiActAreaLinks) {
      expect(articles.has(link.article), link.label).toBe(true);
      for (const id of link.iso42001) expect(isIso42001Id(id), `${link.article} → ${id}`).toBe(true);
    }
  });

  it("gives every ISO 27001 link known ids on both sides and a reason, and uses every listed control", () => {
    const controls = ids(iso27001Controls);
    expect(iso27001Controls).toHaveLength(40);
    for (const link of iso27001Links) {
      expect(isClauseOrControl(link.iso42001), link.iso42001).toBe(true);
      expect(controls.has(link.iso27001), link.iso27001).toBe(true);
      expect(link.rationale.length).toBeGreaterThan(30);
    }
    expect(new Set(iso27001Links.map((l) => l.iso27001))).toEqual(controls);
    const pairs = iso27001Links.map((l) => `${l.iso42001}|${l.iso27001}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe("threat library", () => {
  const required = [
    "prompt_injection",
    "indirect_prompt_injection",
    "tool_misuse",
    "sensitive_data_exposure",
    "authorization_weaknesses",
    "unsafe_automation",
    "ai_api_abuse",
    "training_data_poisoning",
    "adversarial_examples",
    "model_extraction",
    "membership_inference",
    "model_drift",
    "unfair_outcomes",
    "vendor_model_change",
    "shadow_ai",
    "over_reliance",
  ];

  it("contains every required threat once, with snake_case ids", () => {
    const threatIds = threats.map((t) => t.id);
    expect(new Set(threatIds).size).toBe(threatIds.length);
    for (const id of required) expect(threatIds).toContain(id);
    for (const id of threatIds) expect(id).toMatch(/^[a-z][a-z_]*[a-z]$/);
  });

  it("maps every threat only to ids that exist in the catalogue", () => {
    const riskSources = ids(annexCRiskSources);
    const llm = ids(owaspLlmTop10);
    const agentic = ids(owaspAgenticTop10);
    const tactics = ids(mitreAtlasTactics);
    for (const threat of threats) {
      for (const id of threat.annexCRiskSources) expect(riskSources.has(id), `${threat.id} → ${id}`).toBe(true);
      for (const id of threat.owaspLlm) expect(llm.has(id), `${threat.id} → ${id}`).toBe(true);
      for (const id of threat.owaspAgentic) expect(agentic.has(id), `${threat.id} → ${id}`).toBe(true);
      for (const id of threat.atlasTactics) expect(tactics.has(id), `${threat.id} → ${id}`).toBe(true);
      for (const id of threat.suggestedControls) expect(isAnnexAControlId(id), `${threat.id} → ${id}`).toBe(true);
      expect(threat.annexCRiskSources.length, threat.id).toBeGreaterThan(0);
      expect(threat.suggestedControls.length, threat.id).toBeGreaterThan(0);
    }
  });

  it("gives every threat a description and default ratings on the 1–5 scale", () => {
    for (const threat of threats) {
      expect(threat.description.length, threat.id).toBeGreaterThan(60);
      for (const rating of [threat.defaultLikelihood, threat.defaultImpact]) {
        expect(Number.isInteger(rating) && rating >= 1 && rating <= 5, threat.id).toBe(true);
      }
    }
  });
});
