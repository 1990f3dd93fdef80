import { Alert, Anchor, Button, FileInput, Group, List, Stack, Text } from "@mantine/core";
import { type ImportReport, routes, systemColumns } from "@openaims/contracts";
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

/** Import AI systems from CSV or XLSX: check the file first, apply it only when every row is valid. */
export default function ImportSystemsPage() {
  const { orgId, can } = useOrg();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) =>
      callApi(routes.importSystems, { params: { orgId }, query: { dryRun }, body: chosen }),
    onSuccess: async (result) => {
      setReport(result);
      if (result.applied) await queryClient.invalidateQueries({ queryKey: ["systems", orgId] });
    },
    meta: { inlineError: true },
  });

  if (!can("governance.write")) return <NoAccess title="Import AI systems" />;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    upload.reset();
    if (chosen) upload.mutate({ chosen, dryRun: true });
  };

  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="Import AI systems" />
      <Text>
        Upload a CSV or XLSX file with one system per row and a heading row. A row whose slug matches a system updates
        it; other rows register new systems. The file is checked first and applied only when every row is valid. An
        export of the register is a ready-made template.
      </Text>
      <Text size="sm">
        Columns: {systemColumns.map((column) => column.key).join(", ")}. Separate several values in one cell with
        semicolons; name the owner by e-mail.
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
          {report.summary.create} systems registered, {report.summary.update} updated.{" "}
          <Anchor component={Link} to={`/o/${orgId}/inventory/systems`}>
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
          <List.Item>Every created or changed system is recorded in the audit trail.</List.Item>
        </List>
      )}
    </Stack>
  );
}
