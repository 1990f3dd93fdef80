import { Alert, List } from "@mantine/core";
import type { SoaIssue } from "@openaims/contracts";

/** What must be resolved before the SoA can be approved. */
export function SoaIssues({ issues }: { issues: SoaIssue[] }) {
  if (issues.length === 0) {
    return (
      <Alert color="green" title="No consistency issues">
        Every control is decided and justified.
      </Alert>
    );
  }
  const shown = issues.slice(0, 50);
  return (
    <Alert color="orange" title={`${issues.length} consistency issue${issues.length > 1 ? "s" : ""} block approval`}>
      <List size="sm">
        {shown.map((issue) => (
          <List.Item key={`${issue.kind}-${issue.ref}`}>{issue.message}</List.Item>
        ))}
      </List>
      {issues.length > shown.length && `… and ${issues.length - shown.length} more.`}
    </Alert>
  );
}
