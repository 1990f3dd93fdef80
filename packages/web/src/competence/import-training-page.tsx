import { Alert, Anchor, Button, FileInput, Group, List, Stack, Text } from "@mantine/core";
import { type ImportReport, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { ImportReportView } from "../inventory/import-report-view";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";

/** Import training records from CSV or XLSX: check the file first, apply it only when every row is valid. */
export default function ImportTrainingPage() {
  const { orgId, can } = useOrg();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) =>
      callApi(routes.importTrainingRecords, { params: { orgId }, query: { dryRun }, body: chosen }),
    onSuccess: async (result) => {
      setReport(result);
      if (result.applied) await queryClient.invalidateQueries({ queryKey: ["competence", orgId] });
    },
    meta: { inlineError: true },
  });
  if (!can("governance.write")) return <NoAccess title="Import training records" />;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    upload.reset();
    if (chosen) upload.mutate({ chosen, dryRun: true });
  };
  const changes = report ? report.summary.create + report.summary.update : 0;
  return (
    <Stack>
      <PageHeader title="Import training records" />
      <Text>
        Upload a CSV or XLSX file with a heading row and one completed training per row. Columns: member (the member's
        e-mail), course, provider, completed and expires (dates as YYYY-MM-DD), notes. An empty expires cell takes the
        renewal period of a requirement for the course. A row for a member, course and completion date already on record
        updates that record.
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
          {report.summary.create} recorded, {report.summary.update} updated.{" "}
          <Anchor component={Link} to={`/o/${orgId}/competence?tab=training`}>
            Back to the training records
          </Anchor>
        </Alert>
      )}
      {report && !report.applied && (
        <Group>
          <Button
            disabled={!report.valid || !file || changes === 0}
            loading={upload.isPending}
            onClick={() => file && upload.mutate({ chosen: file, dryRun: false })}
          >
            Apply import
          </Button>
          <Text size="sm">
            {!report.valid
              ? "Fix the errors below in your file, then choose it again. Nothing is imported while any row has a problem."
              : changes === 0
                ? "Every row is already on record; there is nothing to import."
                : "Every row is valid."}
          </Text>
        </Group>
      )}
      {report && <ImportReportView report={report} keyLabel="Member · course · completed" nameLabel="Course" />}
      {!report && (
        <List size="sm">
          <List.Item>Nothing changes until you press “Apply import”.</List.Item>
          <List.Item>Every recorded or changed training is written to the audit trail.</List.Item>
        </List>
      )}
      <Anchor component={Link} to={`/o/${orgId}/competence?tab=training`}>
        Cancel and go back to the training records
      </Anchor>
    </Stack>
  );
}
