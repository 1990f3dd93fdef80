import { Button, Group } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { buildUrl } from "../../api/client";

/** Download links for the draft (no version) or an approved version. */
export function SoaExportButtons({ orgId, version }: { orgId: string; version?: number }) {
  const label = version === undefined ? "draft" : `version ${version}`;
  return (
    <Group gap="xs">
      {(["xlsx", "csv", "pdf"] as const).map((format) => (
        <Button
          key={format}
          component="a"
          variant="default"
          size="xs"
          href={buildUrl(routes.exportSoa.path, { orgId }, { format, version })}
          download
          aria-label={`Download ${label} as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
