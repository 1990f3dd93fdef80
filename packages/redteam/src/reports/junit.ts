/**
 * JUnit XML for CI test reporters: a test suite per category, a test case per case. A finding is
 * a failure, an errored case an error, an inconclusive one skipped. A case blocked by policy passes,
 * with what blocked it as the test case's output.
 */
import { type CaseResult, type Category, categories, type ScanSummary } from "../model.js";
import { caseLabel, runLabel, verdictDetails } from "./case-facts.js";
import { xmlAttribute, xmlText } from "./xml-text.js";

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

/** The scan as a JUnit XML document. */
export function toJUnit(summary: ScanSummary): string {
  const suites = categories
    .map((category) => ({ category, cases: summary.cases.filter((result) => result.category === category) }))
    .filter((suite) => suite.cases.length > 0);
  const total = count(summary.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttribute(`${summary.scanner.name} ${runLabel(summary)}`)}"${countAttributes(total)}>`,
    ...suites.flatMap((suite) => suiteLines(summary, suite.category, suite.cases)),
    "</testsuites>",
  ];
  return `${lines.join("\n")}\n`;
}

function suiteLines(summary: ScanSummary, category: Category, cases: CaseResult[]): string[] {
  const properties: Array<[string, string]> = [
    ["target", summary.target.endpoint],
    ["pack", `${summary.pack.id} ${summary.pack.version}`],
    ["seed", String(summary.seed)],
    ["scanner", `${summary.scanner.name} ${summary.scanner.version}`],
    ["complete", String(summary.complete)],
  ];
  return [
    `  <testsuite name="redteam.${category}" timestamp="${xmlAttribute(summary.startedAt)}"${countAttributes(count(cases))}>`,
    "    <properties>",
    ...properties.map(([name, value]) => `      <property name="${name}" value="${xmlAttribute(value)}"/>`),
    "    </properties>",
    ...cases.flatMap(caseLines),
    "  </testsuite>",
  ];
}

function caseLines(result: CaseResult): string[] {
  const open = `    <testcase classname="redteam.${result.category}" name="${xmlAttribute(caseLabel(result))}" time="${seconds(result.targetLatencyMs)}"`;
  const details = verdictDetails(result);
  const message = xmlAttribute(details[0] ?? result.verdict);
  const body = xmlText(details.join("\n"));
  switch (result.verdict) {
    case "not_observed":
      return [`${open}/>`];
    case "blocked":
      return [
        `${open}>`,
        `      <system-out>${xmlText(["Blocked by policy.", ...details].join("\n"))}</system-out>`,
        "    </testcase>",
      ];
    case "vulnerable":
      return [
        `${open}>`,
        `      <failure message="${message}" type="${result.severity}">${body}</failure>`,
        "    </testcase>",
      ];
    case "error":
      return [`${open}>`, `      <error message="${message}" type="error">${body}</error>`, "    </testcase>"];
    case "inconclusive":
      return [`${open}>`, `      <skipped message="${message}"/>`, "    </testcase>"];
  }
}

function count(cases: readonly CaseResult[]): SuiteCounts {
  return {
    tests: cases.length,
    failures: cases.filter((result) => result.verdict === "vulnerable").length,
    errors: cases.filter((result) => result.verdict === "error").length,
    skipped: cases.filter((result) => result.verdict === "inconclusive").length,
    seconds: cases.reduce((sum, result) => sum + result.targetLatencyMs, 0),
  };
}

function countAttributes(counts: SuiteCounts): string {
  const { tests, failures, errors, skipped } = counts;
  return ` tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(counts.seconds)}"`;
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3);
}
