import { Button, Menu } from "@mantine/core";
import { type ExportFormat, routes } from "@openaims/contracts";
import { buildUrl } from "../api/client";
import { useOrg } from "../shell/current-org";

const formats: { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel (XLSX)" },
  { format: "pdf", label: "PDF" },
];

/** Downloads of the evidence register; plain links, so the browser saves the file. */
export function ExportMenu() {
  const { orgId } = useOrg();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">Export register</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map(({ format, label }) => (
          <Menu.Item
            key={format}
            component="a"
            href={buildUrl(routes.exportEvidence.path, { orgId }, { format })}
            download
          >
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
