import { Box, Code, Group, Select, Stack, Switch, Text, VisuallyHidden } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQueries } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import type { DocumentVersionSummary } from "./document-types";
import { type BlockChange, diffMarkdown, type FoldedBlocks, foldUnchanged } from "./markdown-diff";
import classes from "./version-diff.module.css";

const marks = { same: " ", added: "+", removed: "−" } as const;
const spoken = { same: "", added: "Added: ", removed: "Removed: " } as const;

/**
 * The version a comparison starts from by default: the newest approved (or since superseded) version
 * older than `to`, else the version just before it.
 */
export function defaultBaseline(versions: DocumentVersionSummary[], to: DocumentVersionSummary | undefined) {
  const older = versions.filter((v) => to && v.number < to.number);
  return older.find((v) => v.approvedAt !== null) ?? older[0];
}

/**
 * Differences between two chosen versions, block by block (a heading, paragraph, list item or table
 * row), with the changed words marked inside edited blocks. Defaults to the newest version against
 * the last approved one before it. Changes are marked by +/− signs, strike-through and underline and
 * spoken text, not by colour alone.
 */
export function VersionDiff({ documentId, versions }: { documentId: string; versions: DocumentVersionSummary[] }) {
  const { orgId } = useOrg();
  const [to, setTo] = useState<string | null>(versions[0]?.id ?? null);
  const [from, setFrom] = useState<string | null>(defaultBaseline(versions, versions[0])?.id ?? null);
  const [showAll, setShowAll] = useState(false);
  const options = versions.map((v) => ({ value: v.id, label: `Version ${v.number} (${v.status.replace("_", " ")})` }));
  const [older, newer] = useQueries({
    queries: [from, to].map((versionId) => ({
      queryKey: ["document-version", orgId, versionId],
      queryFn: () => callApi(routes.getDocumentVersion, { params: { orgId, documentId, versionId: versionId ?? "" } }),
      enabled: versionId !== null,
    })),
  });
  const diff = useMemo(
    () => (older?.data && newer?.data ? diffMarkdown(older.data.body, newer.data.body) : null),
    [older?.data, newer?.data],
  );
  if (versions.length < 2) return <Text size="sm">There is only one version so far.</Text>;
  const error = older?.error ?? newer?.error;

  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Compare from" data={options} value={from} onChange={setFrom} allowDeselect={false} />
        <Select label="to" data={options} value={to} onChange={setTo} allowDeselect={false} />
        <Switch
          label="Show unchanged text"
          checked={showAll}
          onChange={(event) => setShowAll(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {error && <ErrorAlert error={error} />}
      {!error && !diff && <PageLoader />}
      {diff && (
        <>
          <Text size="sm" aria-live="polite">
            {diff.added === 0 && diff.removed === 0
              ? "No differences in the text."
              : `${count(diff.added, "block")} added, ${diff.removed} removed (an edited block counts as one of each).`}
          </Text>
          <Box component="ol" aria-label="Differences" className={classes.list}>
            {(showAll ? diff.blocks : foldUnchanged(diff.blocks)).map((block, index) => (
              // Blocks have no identity of their own; their position is what they are.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <DiffBlock key={index} block={block} />
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
}

function DiffBlock({ block }: { block: BlockChange | FoldedBlocks }) {
  if (block.kind === "folded")
    return (
      <li className={classes.block} data-kind="folded">
        <Text span size="sm" c="dimmed" ff="text">
          … {count(block.count, "unchanged block")}
        </Text>
      </li>
    );
  const Changed = block.kind === "removed" ? "del" : "ins";
  return (
    <li className={classes.block} data-kind={block.kind}>
      <Code className={classes.mark} aria-hidden="true">
        {marks[block.kind]}
      </Code>
      {block.kind !== "same" && <VisuallyHidden>{spoken[block.kind]}</VisuallyHidden>}
      <span className={classes.text}>
        {block.segments.map((segment, index) =>
          segment.changed && block.kind !== "same" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <Changed key={index} className={classes.changed}>
              {segment.text}
            </Changed>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <span key={index}>{segment.text}</span>
          ),
        )}
        {block.segments.every((s) => s.text === "") && " "}
      </span>
    </li>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
