import { Alert, Anchor, Button, FileInput, Group, List, Select, Stack, Text } from "@mantine/core";
import { assetColumns, type ImportReport, routes, systemColumns, vendorColumns } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { ImportReportView } from "./import-report-view";
import { InventoryNav } from "./inventory-nav";

const targets = {
  systems: {
    label: "AI systems",
    route: routes.importSystems,
    columns: systemColumns.map((column) => column.key),
    match: "A row whose slug matches a system updates it; other rows register new systems.",
  },
  assets: {
    label: "AI assets",
    route: routes.importAssets,
    columns: assetColumns.filter((column) => column.kind !== "read_only").map((column) => column.key),
    match:
      "A row whose name matches an asset (ignoring case) updates it; other rows record new assets. Name the vendor by its name; import vendors first.",
  },
  vendors: {
    label: "AI vendors",
    route: routes.importVendors,
    columns: vendorColumns.map((column) => column.key),
    match: "A row whose name matches a vendor (ignoring case) updates it; other rows record new vendors.",
  },
} as const;
type Target = keyof typeof targets;

/** Import AI systems, assets or vendors from CSV or XLSX: check the file first, apply it only when every row is valid. */
export default function ImportSystemsPage() {
  const { orgId, can } = useOrg();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target>("systems");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) =>
      callApi(targets[target].route, { params: { orgId }, query: { dryRun }, body: chosen }),
    onSuccess: async (result) => {
      setReport(result);
      if (result.applied) await queryClient.invalidateQueries({ queryKey: [target, orgId] });
    },
    meta: { inlineError: true },
  });

  if (!can("governance.write")) return <NoAccess title="Import into the inventory" />;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    upload.reset();
    if (chosen) upload.mutate({ chosen, dryRun: true });
  };

  return (
    <Stack>
      <InventoryNav />
      <PageHeader title={`Import ${targets[target].label}`} />
      <Select
        label="What to import"
        data={Object.entries(targets).map(([value, { label }]) => ({ value, label }))}
        value={target}
        onChange={(value) => {
          if (!value) return;
          setTarget(value as Target);
          choose(null);
        }}
        allowDeselect={false}
        maw={320}
      />
      <Text>
        Upload a CSV or XLSX file with one record per row and a heading row. {targets[target].match} The file is checked
        first and applied only when every row is valid. An export of the register is a ready-made template.
      </Text>
      <Text size="sm">
        Columns: {targets[target].columns.join(", ")}. Separate several values in one cell with semicolons; name the
        owner by e-mail.
      </Text>
      <FileInput
        label="File to import"
        description="CSV or XLSX, up to 20 MB."
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={choose}
        clearable
        clearButtonProps={{ "aria-label": "Remove the chosen file" }}
        maw={480}
      />
      {upload.isPending && <Text role="status">Checking the file…</Text>}
      {upload.error && <ErrorAlert error={upload.error} title="The file could not be checked" />}
      {report?.applied && (
        <Alert color="green" title="Imported">
          {report.summary.create} created, {report.summary.update} updated.{" "}
          <Anchor component={Link} to={`/o/${orgId}/inventory/${target}`}>
            Back to the register
          </Anchor>
        </Alert>
      )}
      {report && !report.applied && (
        <Group>
          <Button
            disabled={!report.valid || !file || report.summary.create + report.summary.update === 0}
            loading={upload.isPending}
            onClick={() => file && upload.mutate({ chosen: file, dryRun: false })}
          >
            Apply import
          </Button>
          <Text size="sm">
            {report.valid ? "Every row is valid." : "Fix the errors below in your file, then choose it again."}
          </Text>
        </Group>
      )}
      {report && <ImportReportView report={report} />}
      {!report && (
        <List size="sm">
          <List.Item>Nothing changes until you press “Apply import”.</List.Item>
          <List.Item>Every created or changed record is recorded in the audit trail.</List.Item>
        </List>
      )}
    </Stack>
  );
}
