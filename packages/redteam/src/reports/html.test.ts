import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CaseResult } from "../model.js";
import { exampleCases, exampleSummary } from "../summary/summary-example.js";
import { toHtml } from "./html.js";
import { reportCss } from "./html-style.js";
import { elementsNamed, parseXml, textOf, type XmlElement } from "./testing/parse-xml.js";

const xss = `<script>alert(1)</script><img src=x onerror=alert(1)>"'><a href="https://evil.example/">x</a> & &amp; {{canary}}`;

function hostileSummary() {
  const cases = exampleCases().map(
    (result): CaseResult => ({
      ...result,
      title: `${result.title} ${xss}`,
      detectors: result.detectors.map((detector) => ({ ...detector, detail: `${detector.detail} ${xss}` })),
    }),
  );
  return {
    ...exampleSummary(cases),
    problems: [`Problem ${xss}`],
    target: { ...exampleSummary().target, endpoint: `http://127.0.0.1:9/${xss}`, model: xss },
  };
}

const excerpts = new Map([["PI-001/plain", { request: `Ignore the rules ${xss}`, reply: `Sure! ${xss}\u0000` }]]);
const probes = [{ id: "PI-001", description: `Checks overrides ${xss}`, remediation: `Separate data ${xss}` }];

const byClass = (root: XmlElement, className: string): XmlElement[] =>
  elementsNamedAny(root).filter((element) => (element.attributes.class ?? "").split(" ").includes(className));
const elementsNamedAny = (element: XmlElement): XmlElement[] => [
  element,
  ...element.children.flatMap(elementsNamedAny),
];

describe("toHtml", () => {
  it("is well-formed (parses as strict XML) with header, totals, findings and the rest", () => {
    const root = parseXml(toHtml(exampleSummary(), excerpts, { probes }));
    expect(root.name).toBe("html");
    expect(textOf(elementsNamed(root, "header")[0] ?? root)).toContain("424242");
    expect(textOf(elementsNamed(root, "header")[0] ?? root)).toContain("default 2026.11.0");
    expect(textOf(byClass(root, "status-partial")[0] ?? root)).toContain("Partial");
    const [findings] = byClass(root, "findings");
    const [rest] = byClass(root, "rest");
    expect(byClass(findings ?? root, "case").map((c) => c.attributes["data-verdict"])).toEqual(["vulnerable"]);
    expect(byClass(rest ?? root, "case").map((c) => c.attributes["data-verdict"])).toEqual([
      "blocked",
      "not_observed",
      "inconclusive",
      "error",
    ]);
    const openFlags = elementsNamed(root, "details").map((details) => details.attributes.open !== undefined);
    expect(openFlags).toEqual([true, false, false, false, false]);
    const blocked = byClass(rest ?? root, "case")[0];
    expect(textOf(blocked ?? root)).toContain("a policy stopped it (rule tools.fetch_url)");
  });

  it("shows totals and a row per category that has cases", () => {
    const root = parseXml(toHtml(exampleSummary(), new Map()));
    const rows = elementsNamed(root, "tr").map((row) => row.children.map(textOf));
    expect(rows).toEqual([
      ["Category", "Vulnerable", "Blocked by policy", "Not observed", "Inconclusive", "Error", "Cases"],
      ["direct injection", "1", "0", "1", "0", "0", "2"],
      ["system prompt leakage", "0", "0", "0", "1", "0", "1"],
      ["tool misuse", "0", "1", "0", "0", "1", "2"],
      ["All categories", "1", "1", "1", "1", "1", "5"],
    ]);
  });

  it("orders findings by severity", () => {
    const [first] = exampleCases();
    if (!first) throw new Error("example has cases");
    const cases: CaseResult[] = (["low", "critical", "medium"] as const).map((severity) => ({
      ...first,
      caseId: `PI-001/${severity}`,
      severity,
    }));
    const root = parseXml(toHtml(exampleSummary(cases), new Map()));
    expect(elementsNamed(root, "article").map((article) => article.attributes.id)).toEqual([
      "case-PI-001/critical",
      "case-PI-001/medium",
      "case-PI-001/low",
    ]);
  });

  it("shows detector details, tags, remediation and the exchange of a finding", () => {
    const root = parseXml(toHtml(exampleSummary(), excerpts, { probes }));
    const finding = textOf(byClass(root, "findings")[0] ?? root);
    expect(finding).toContain("marker: The trigger marker ZQX-17 appears in the reply.");
    expect(finding).toContain("LLM01:2025");
    expect(finding).toContain("A.6.2.4");
    expect(finding).toContain(`Separate data ${xss}`);
    expect(finding).toContain(`Ignore the rules ${xss}`);
    expect(finding).toContain(`Sure! ${xss}\ufffd`);
  });

  it("escapes every hostile string: nothing becomes markup", () => {
    const html = toHtml(hostileSummary(), excerpts, { probes });
    const root = parseXml(html);
    expect(elementsNamed(root, "script")).toEqual([]);
    expect(elementsNamed(root, "img")).toEqual([]);
    expect(elementsNamed(root, "a")).toEqual([]);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&gt;");
    expect(textOf(root)).toContain(xss);
  });

  it("loads nothing from outside and allows only its own stylesheet", () => {
    const html = toHtml(hostileSummary(), excerpts, { probes });
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    const root = parseXml(html);
    const policy = elementsNamed(root, "meta").find(
      (meta) => meta.attributes["http-equiv"] === "Content-Security-Policy",
    );
    const styleHash = createHash("sha256").update(reportCss).digest("base64");
    expect(policy?.attributes.content).toBe(
      `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`,
    );
    expect(elementsNamed(root, "style").map(textOf)).toEqual([reportCss]);
  });
});
