import { Anchor, List, Text } from "@mantine/core";
import { enumLabels, type HomeView } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { EmptyState, HomeSection } from "./home-section";
import { PercentLine } from "./lazy-charts";

/** The latest red-team scans, and the share of vulnerable findings over them, oldest to newest. */
export function SecurityTestsSummary({ scans }: { scans: HomeView["securityTests"] }) {
  const { orgId } = useOrg();
  if (scans.length === 0)
    return (
      <HomeSection id="home-security-tests" title="Security tests">
        <EmptyState
          text="No security tests yet. A red-team scan probes an AI system for prompt injection, data leaks and more."
          action="Run a scan"
          path="security-tests/run"
        />
      </HomeSection>
    );
  const oldestFirst = [...scans].reverse();
  const first = oldestFirst[0];
  const last = oldestFirst.at(-1);
  const summary =
    first && last
      ? `Vulnerable findings per case over the last ${scans.length} ${scans.length === 1 ? "scan" : "scans"}: ${first.vulnerableRate}% in ${first.ref}, ${last.vulnerableRate}% in ${last.ref}, the latest.`
      : "";
  return (
    <HomeSection id="home-security-tests" title="Security tests">
      {scans.length > 1 && (
        <ChartFigure
          summary={summary}
          table={{
            columns: ["Scan", "System", "Date", "Cases", "Vulnerable", "Rate"],
            rows: oldestFirst.map((s) => [
              s.ref,
              s.system.name,
              formatDate(s.startedAt),
              s.cases,
              s.vulnerable,
              `${s.vulnerableRate}%`,
            ]),
          }}
        >
          <PercentLine label="Vulnerable" data={oldestFirst.map((s) => ({ x: s.ref, percent: s.vulnerableRate }))} />
        </ChartFigure>
      )}
      <List spacing={4} size="sm">
        {scans.slice(0, 5).map((scan) => (
          <List.Item key={scan.id}>
            <Anchor component={Link} to={`/o/${orgId}/security-tests/scans/${scan.id}`}>
              {scan.ref}
            </Anchor>{" "}
            {scan.system.name}, {formatDate(scan.startedAt)}: {scan.vulnerable} vulnerable of {scan.cases} cases (
            {scan.vulnerableRate}%)
            {scan.status === "completed" ? "" : ` — ${enumLabels.redteamScanStatus[scan.status]}`}
          </List.Item>
        ))}
      </List>
      <Text size="sm">
        <Anchor component={Link} to={`/o/${orgId}/security-tests`}>
          Every scan and its findings
        </Anchor>
      </Text>
    </HomeSection>
  );
}
