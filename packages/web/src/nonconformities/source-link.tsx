import { Anchor, Text } from "@mantine/core";
import { type ImprovementSource, labelOf, type NonconformitySource } from "@openaims/contracts";
import { Link } from "react-router";

/** Where a source record's own page is, for the sources that have one. */
function sourcePath(orgId: string, source: string, sourceId: string): string | null {
  if (source === "incident") return `/o/${orgId}/incidents/${sourceId}`;
  if (source === "nonconformity") return `/o/${orgId}/nonconformities/${sourceId}`;
  if (source === "alert") return `/o/${orgId}/monitoring/alerts/${sourceId}`;
  if (source === "audit") return `/o/${orgId}/audits/${sourceId}`;
  return null;
}

/** "Incident INC-3" linking back to the record a nonconformity or improvement came from. */
export function SourceLink({
  orgId,
  source,
  sourceId,
  sourceRef,
  kind,
}: {
  orgId: string;
  source: string;
  sourceId: string | null;
  sourceRef: string | null;
  kind: "nonconformitySource" | "improvementSource";
}) {
  const label =
    kind === "nonconformitySource"
      ? labelOf("nonconformitySource", source as NonconformitySource)
      : labelOf("improvementSource", source as ImprovementSource);
  const path = sourceId ? sourcePath(orgId, source, sourceId) : null;
  const text = sourceRef ? `${label} ${sourceRef}` : label;
  return path ? (
    <Anchor component={Link} to={path} size="sm">
      {text}
    </Anchor>
  ) : (
    <Text span size="sm">
      {text}
    </Text>
  );
}
