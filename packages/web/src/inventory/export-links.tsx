import { Button, Group } from "@mantine/core";
import { type ExportFormat, exportFormats } from "@openaims/contracts";
import { buildUrl } from "../api/client";

interface ExportLinksProps {
  /** Path of the export route, e.g. routes.exportSystems.path. */
  path: string;
  orgId: string;
  /** What is exported, for the buttons' names ("AI systems"). */
  what: string;
}

/** Download links for a register as CSV, XLSX and PDF; the session cookie authorises the download. */
export function ExportLinks({ path, orgId, what }: ExportLinksProps) {
  const href = (format: ExportFormat) => buildUrl(path, { orgId }, { format });
  return (
    <Group gap="xs">
      {exportFormats.map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          variant="default"
          size="xs"
          aria-label={`Export ${what} as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
