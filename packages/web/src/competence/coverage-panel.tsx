import { Progress, Stack, Table, Text, Title } from "@mantine/core";
import { labelOf, type ResponsibilityCoverage, type RoleCoverage, type TrainingCoverage } from "@openaims/contracts";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";
import { appliesToLabel } from "./applies-to-label";
import { useTrainingCoverage } from "./use-competence-data";

const gapTone: Record<TrainingCoverage["gaps"][number]["kind"], Tone> = {
  expired: "danger",
  missing: "attention",
  expiring: "review",
};

type Group = (RoleCoverage | ResponsibilityCoverage) & { name: string };

function CoverageTable({ caption, groups, empty }: { caption: string; groups: Group[]; empty: string }) {
  if (groups.length === 0) return <Text>{empty}</Text>;
  return (
    <Table striped>
      <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{caption.startsWith("By role") ? "Role" : "Responsibility"}</Table.Th>
          <Table.Th scope="col">Members</Table.Th>
          <Table.Th scope="col">Required courses</Table.Th>
          <Table.Th scope="col">Fully trained</Table.Th>
          <Table.Th scope="col">Coverage</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group.name}>
            <Table.Th scope="row" fw={400}>
              {group.name}
            </Table.Th>
            <Table.Td>{group.members}</Table.Td>
            <Table.Td>{group.requirements}</Table.Td>
            <Table.Td>{group.fullyCovered}</Table.Td>
            <Table.Td miw={180}>
              {group.coveragePercent === null ? (
                <Text size="sm">Nobody holds it</Text>
              ) : (
                <Stack gap={2}>
                  <Progress
                    value={group.coveragePercent}
                    color={group.coveragePercent === 100 ? "green" : "orange"}
                    aria-label={`${group.name}: ${group.coveragePercent}% fully trained`}
                  />
                  <Text size="sm">{group.coveragePercent}%</Text>
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Coverage of the required training per role and per responsibility, and who lacks what. */
export function CoveragePanel({ orgId }: { orgId: string }) {
  const coverage = useTrainingCoverage(orgId);
  if (coverage.error) return <ErrorAlert error={coverage.error} />;
  if (!coverage.data) return <PageLoader />;
  const c = coverage.data;
  if (c.byRole.length === 0 && c.byResponsibility.length === 0)
    return (
      <Text>
        No training is required yet. Add a requirement under “Requirements” — a competence a role or an AIMS
        responsibility needs and the course that meets it — and coverage is counted here.
      </Text>
    );
  const { missing, expired, expiring } = c.gapCounts;
  return (
    <Stack>
      <CoverageTable
        caption="By role"
        groups={c.byRole.map((g) => ({ ...g, name: labelOf("role", g.role) }))}
        empty="No training is required of a role."
      />
      <CoverageTable
        caption="By AIMS responsibility (people responsible or accountable)"
        groups={c.byResponsibility.map((g) => ({ ...g, name: labelOf("aimsProcess", g.responsibility) }))}
        empty="No training is required of an AIMS responsibility."
      />
      <section aria-labelledby="training-gaps">
        <Title order={2} size="h4" id="training-gaps" mb="xs">
          Gaps
        </Title>
        <Text mb="xs">
          {expired} expired, {missing} not trained, {expiring} expiring within 30 days.
          {c.gapsTruncated ? ` The first ${c.gaps.length} are listed.` : ""}
        </Text>
        {c.gaps.length === 0 ? (
          <Text>Everyone holds the training their role and responsibilities require.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Member</Table.Th>
                  <Table.Th scope="col">Required as</Table.Th>
                  <Table.Th scope="col">Course</Table.Th>
                  <Table.Th scope="col">Gap</Table.Th>
                  <Table.Th scope="col">Expires</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.gaps.map((gap) => (
                  <Table.Tr key={`${gap.member.id}-${gap.requirementId}`}>
                    <Table.Td>{gap.member.name || gap.member.email}</Table.Td>
                    <Table.Td>{appliesToLabel(gap.appliesToKind, gap.appliesTo)}</Table.Td>
                    <Table.Td>{gap.course}</Table.Td>
                    <Table.Td>
                      <StatusBadge of="trainingGapKind" value={gap.kind} tone={gapTone[gap.kind]} />
                    </Table.Td>
                    <Table.Td>{gap.expiresOn ? formatDate(gap.expiresOn) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
