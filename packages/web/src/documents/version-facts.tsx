import { Alert, Code, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "../ui/format";
import type { DocumentVersion } from "./document-types";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** Who and when for one version: approvers, submission, approval, dates and the text's fingerprint. */
export function VersionFacts({ version }: { version: DocumentVersion }) {
  return (
    <>
      {version.status === "draft" && version.changesRequested && (
        <Alert color="blue" title={`Changes requested by ${version.changesRequested.by?.name ?? "a reviewer"}`}>
          {version.changesRequested.comment}
        </Alert>
      )}
      {version.retireReason && (
        <Alert color="gray" title={`Retired ${formatDateTime(version.retiredAt)}`}>
          {version.retireReason}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Fact label="Change summary">{version.changeSummary || "—"}</Fact>
        <Fact label="Approvers">
          {version.approvers.length ? version.approvers.map((a) => a.name).join(", ") : "Anyone who may edit"}
        </Fact>
        <Fact label="Submitted">
          {version.submittedAt ? `${formatDateTime(version.submittedAt)} by ${version.submittedBy?.name ?? "—"}` : "—"}
        </Fact>
        <Fact label="Approved">
          {version.approvedAt ? `${formatDateTime(version.approvedAt)} by ${version.approvedBy?.name ?? "—"}` : "—"}
        </Fact>
        <Fact label="Effective date">{formatDate(version.effectiveDate)}</Fact>
        <Fact label="Next review">{formatDate(version.nextReviewDate)}</Fact>
        <Fact label="Created">
          {formatDateTime(version.createdAt)} by {version.createdBy?.name ?? "—"}
        </Fact>
        <Fact label="Text fingerprint (SHA-256)">
          <Code>{version.bodySha256.slice(0, 16)}…</Code>
        </Fact>
      </SimpleGrid>
    </>
  );
}
