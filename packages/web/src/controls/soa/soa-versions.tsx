import { Button, Card, Select, Stack, Table, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../../api/client";
import { PAGE_SIZE, usePagedQuery } from "../../api/page-query";
import { ErrorAlert } from "../../ui/error-alert";
import { formatDateTime } from "../../ui/format";
import { LoadMore } from "../../ui/load-more";
import { SoaDiffView } from "./soa-diff-view";
import { SoaExportButtons } from "./soa-export-buttons";

/** Approved versions, newest first, with downloads and a comparison of any two (or one with the draft). */
export function SoaVersions({ orgId }: { orgId: string }) {
  const list = usePagedQuery(["soa", orgId, "versions"], (cursor) =>
    callApi(routes.listSoaVersions, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>("draft");
  const [compare, setCompare] = useState<{ from: number; to?: number } | null>(null);
  const diff = useQuery({
    queryKey: ["soa", orgId, "diff", compare?.from, compare?.to ?? "draft"],
    queryFn: () => callApi(routes.diffSoa, { params: { orgId }, query: compare ?? { from: 1 } }),
    enabled: compare !== null,
  });
  const options = list.items.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));

  return (
    <Card withBorder component="section" aria-labelledby="soa-versions-heading">
      <Title order={2} size="h3" id="soa-versions-heading" mb="sm">
        Approved versions
      </Title>
      {list.error && <ErrorAlert error={list.error} />}
      {list.items.length === 0 && !list.isPending ? (
        <Text>No version has been approved yet.</Text>
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Version</Table.Th>
                  <Table.Th scope="col">Approved</Table.Th>
                  <Table.Th scope="col">By</Table.Th>
                  <Table.Th scope="col">Summary</Table.Th>
                  <Table.Th scope="col">Download</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>{formatDateTime(v.approvedAt)}</Table.Td>
                    <Table.Td>{v.approvedBy.label}</Table.Td>
                    <Table.Td>{v.changeSummary}</Table.Td>
                    <Table.Td>
                      <SoaExportButtons orgId={orgId} version={v.number} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
          <Title order={3} size="h4">
            Compare
          </Title>
          <Stack gap="xs" maw={480}>
            <Select label="From version" data={options} value={from} onChange={setFrom} />
            <Select
              label="To"
              data={[{ value: "draft", label: "Current draft" }, ...options]}
              value={to}
              onChange={setTo}
            />
            <Button
              variant="default"
              disabled={!from || !to}
              onClick={() =>
                from && to && setCompare({ from: Number(from), to: to === "draft" ? undefined : Number(to) })
              }
            >
              Show differences
            </Button>
          </Stack>
          {diff.error && <ErrorAlert error={diff.error} title="Could not compare" />}
          {diff.data && <SoaDiffView diff={diff.data} />}
        </Stack>
      )}
    </Card>
  );
}
