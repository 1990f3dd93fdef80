import { Table, Text } from "@mantine/core";
import type { TelemetrySpan } from "@openaims/contracts";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";

const count = (value: number | null) => (value === null ? "—" : value.toLocaleString("en"));

/** The span's outcome in words: an error, a refusal, or OK. */
function SpanStatus({ span }: { span: TelemetrySpan }) {
  if (span.error) return <StatusBadge tone="danger">Error</StatusBadge>;
  if (span.refused) return <StatusBadge tone="attention">Refused</StatusBadge>;
  return <StatusBadge tone="success">OK</StatusBadge>;
}

/** A system's newest spans: model, operation, caller, duration, tokens and outcome. */
export function RecentSpansTable({ spans }: { spans: TelemetrySpan[] }) {
  if (spans.length === 0)
    return <Text>No spans yet. Connect an application with the two variables above; its spans show here.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label="Recent spans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Model</Table.Th>
            <Table.Th scope="col">Operation</Table.Th>
            <Table.Th scope="col">Caller</Table.Th>
            <Table.Th scope="col">Duration</Table.Th>
            <Table.Th scope="col">Tokens in / out</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spans.map((span) => (
            <Table.Tr key={`${span.traceId}-${span.spanId}`}>
              <Table.Td>{formatDateTime(span.startedAt)}</Table.Td>
              <Table.Td>{span.responseModel ?? span.requestModel ?? "—"}</Table.Td>
              <Table.Td>
                {span.operation ?? span.name}
                {span.toolName ? ` (${span.toolName})` : ""}
              </Table.Td>
              <Table.Td>{span.caller ?? "—"}</Table.Td>
              <Table.Td>{`${Math.round(span.durationMs).toLocaleString("en")} ms`}</Table.Td>
              <Table.Td>{`${count(span.inputTokens)} / ${count(span.outputTokens)}`}</Table.Td>
              <Table.Td>
                <SpanStatus span={span} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
