import { Button, Menu } from "@mantine/core";
import { type ExportFormat, exportFormats, routes } from "@openaims/contracts";
import { buildUrl } from "../api/client";

const formatLabels: Record<ExportFormat, string> = { csv: "CSV", xlsx: "Excel (XLSX)", pdf: "PDF" };

/** Download links for the register; the browser's session cookie authorises the GET. */
export function ExportMenu({ orgId }: { orgId: string }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">Export register</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {exportFormats.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={buildUrl(routes.exportRisks.path, { orgId }, { format })}
            download
          >
            {formatLabels[format]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
