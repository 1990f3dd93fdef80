import { Anchor, Code, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { enumLabels, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { policyPath } from "./agent-paths";

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));
const lineMark = { same: " ", added: "+", removed: "-" } as const;
const lineColour = {
  same: undefined,
  added: "var(--mantine-color-green-light)",
  removed: "var(--mantine-color-red-light)",
};

/** What changed between two versions of a policy: rule by rule, then line by line. */
export default function PolicyDiffPage() {
  const { orgId } = useOrg();
  const { policyId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const from = search.get("from") ?? undefined;
  const to = search.get("to") ?? undefined;
  const policy = useQuery({
    queryKey: ["agent-policies", orgId, policyId],
    queryFn: ({ signal }) => callApi(routes.getAgentPolicy, { params: { orgId, policyId }, signal }),
  });
  const diff = useQuery({
    queryKey: ["agent-policy-diff", orgId, policyId, from ?? null, to ?? null],
    queryFn: ({ signal }) =>
      callApi(routes.diffAgentPolicyVersions, { params: { orgId, policyId }, query: { from, to }, signal }),
  });
  const options = (policy.data?.versions ?? []).map((version) => ({
    value: version.id,
    label: `Version ${version.number} (${enumLabels.policyVersionStatus[version.status]})`,
  }));
  const choose = (key: "from" | "to", value: string | null) => {
    const next = new URLSearchParams(search);
    next.set("from", key === "from" ? (value ?? "") : (diff.data?.from.id ?? ""));
    next.set("to", key === "to" ? (value ?? "") : (diff.data?.to.id ?? ""));
    setSearch(next);
  };
  return (
    <Stack>
      <PageHeader title="Compare policy versions" />
      <Anchor component={Link} to={policyPath(orgId, policyId)}>
        Back to {policy.data?.ref ?? "the policy"}
      </Anchor>
      <Group>
        <Select label="From" data={options} value={diff.data?.from.id ?? null} onChange={(v) => choose("from", v)} />
        <Select label="To" data={options} value={diff.data?.to.id ?? null} onChange={(v) => choose("to", v)} />
      </Group>
      {diff.error && <ErrorAlert error={diff.error} />}
      {diff.isPending ? (
        <PageLoader />
      ) : (
        diff.data && (
          <>
            <Title order={2}>Rules</Title>
            {diff.data.changes.length === 0 ? (
              <Text>The two versions decide the same way; only their text may differ.</Text>
            ) : (
              <Table.ScrollContainer minWidth={700}>
                <Table striped verticalSpacing="xs" aria-label="Changed rules">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Part</Table.Th>
                      <Table.Th scope="col">Change</Table.Th>
                      <Table.Th scope="col">Before</Table.Th>
                      <Table.Th scope="col">After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {diff.data.changes.map((change) => (
                      <Table.Tr key={`${change.area}:${change.key}`}>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {change.area === change.key ? change.area : `${change.area}.${change.key}`}
                          </Text>
                        </Table.Td>
                        <Table.Td>{enumLabels.policyChange[change.change]}</Table.Td>
                        <Table.Td>
                          <Code>{show(change.before)}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Code>{show(change.after)}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Title order={2}>Text</Title>
            <Code block aria-label="Line differences">
              {diff.data.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a line diff repeats lines; the position is the identity
                <div key={`${index}:${line.kind}`} style={{ background: lineColour[line.kind] }}>
                  {lineMark[line.kind]} {line.text}
                </div>
              ))}
            </Code>
          </>
        )
      )}
    </Stack>
  );
}
