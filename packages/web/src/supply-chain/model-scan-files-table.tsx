import { Code, Table, Text } from "@mantine/core";
import { enumLabels } from "@openaims/contracts";
import type { ModelScanDetail } from "./model-scan-labels";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Each file the scan read: its format (by content), size, SHA-256, and why it could not be read. */
export function ModelScanFilesTable({ files }: { files: ModelScanDetail["files"] }) {
  if (files.length === 0) return <Text>The scan read no file.</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">File</Table.Th>
            <Table.Th scope="col">Format</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.path}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{file.path}</Table.Td>
              <Table.Td>
                {enumLabels.modelFormat[file.format]}
                {file.status !== "scanned" && (
                  <Text size="xs" c="red.8">
                    {enumLabels.modelFileStatus[file.status]}
                    {file.error ? `: ${file.error}` : ""}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{size(file.size)}</Table.Td>
              <Table.Td>
                {file.sha256 ? (
                  <Code style={{ overflowWrap: "anywhere" }} title={file.sha256}>
                    {file.sha256.slice(0, 16)}…
                  </Code>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
