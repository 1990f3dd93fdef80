import { SegmentedControl, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AddAssignmentForm } from "./add-assignment-form";
import { DocumentsNav } from "./documents-nav";
import { RaciMatrixTable } from "./raci-matrix-table";

type Filter = "all" | "process" | "system";

export default function ResponsibilitiesPage() {
  const { orgId, can } = useOrg();
  const [filter, setFilter] = useState<Filter>("all");
  const matrix = useQuery({
    queryKey: ["responsibilities", orgId, "matrix", filter],
    queryFn: () =>
      callApi(routes.getResponsibilityMatrix, {
        params: { orgId },
        query: { subjectType: filter === "all" ? undefined : filter },
      }),
  });

  return (
    <Stack gap="lg">
      <PageHeader title="Responsibilities" />
      <DocumentsNav />
      <Text>
        Who is responsible (R), accountable (A), consulted (C) and informed (I) for each AIMS process and AI system. A
        row counts as covered when exactly one person is accountable.
      </Text>
      <SegmentedControl
        aria-label="Show"
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={[
          { value: "all", label: "Everything" },
          { value: "process", label: "Processes" },
          { value: "system", label: "AI systems" },
        ]}
        w="fit-content"
      />
      {matrix.error && <ErrorAlert error={matrix.error} />}
      {matrix.isPending && <PageLoader />}
      {matrix.data && (
        <>
          <Text fw={600}>
            {matrix.data.coveredCount} of {matrix.data.totalCount} covered
          </Text>
          <RaciMatrixTable matrix={matrix.data} />
        </>
      )}
      {can("governance.write") && <AddAssignmentForm />}
    </Stack>
  );
}
