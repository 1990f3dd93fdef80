import { Box, Code, Group, Select, Stack, Text, VisuallyHidden } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import type { DocumentVersionSummary } from "./document-types";

const marks = { same: " ", added: "+", removed: "−" } as const;
const colours = {
  same: undefined,
  added: "var(--mantine-color-green-light)",
  removed: "var(--mantine-color-red-light)",
};
const words = { same: "", added: "Added: ", removed: "Removed: " } as const;

/** Line differences between two chosen versions; defaults to the newest against the one before. */
export function VersionDiff({ documentId, versions }: { documentId: string; versions: DocumentVersionSummary[] }) {
  const { orgId } = useOrg();
  const [from, setFrom] = useState<string | null>(versions[1]?.id ?? null);
  const [to, setTo] = useState<string | null>(versions[0]?.id ?? null);
  const options = versions.map((v) => ({ value: v.id, label: `Version ${v.number}` }));
  const diff = useQuery({
    queryKey: ["document", orgId, documentId, "diff", from, to],
    queryFn: () =>
      callApi(routes.diffDocumentVersions, {
        params: { orgId, documentId },
        query: { from: from ?? undefined, to: to ?? undefined },
      }),
    enabled: from !== null && to !== null,
  });
  if (versions.length < 2) return <Text size="sm">There is only one version so far.</Text>;

  return (
    <Stack>
      <Group>
        <Select label="Compare from" data={options} value={from} onChange={setFrom} allowDeselect={false} />
        <Select label="to" data={options} value={to} onChange={setTo} allowDeselect={false} />
      </Group>
      {diff.error && <ErrorAlert error={diff.error} />}
      {diff.data && (
        <>
          <Text size="sm">
            {diff.data.added} line{diff.data.added === 1 ? "" : "s"} added, {diff.data.removed} removed.
          </Text>
          <Box
            component="ol"
            aria-label="Line differences"
            p={0}
            m={0}
            style={{ listStyle: "none", overflowX: "auto" }}
          >
            {diff.data.lines.map((line, index) => (
              <Box
                component="li"
                // Lines have no identity of their own; their position is what they are.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={index}
                bg={colours[line.kind]}
                px="xs"
                style={{ fontFamily: "var(--mantine-font-family-monospace)", whiteSpace: "pre-wrap" }}
              >
                <Code bg="transparent" aria-hidden="true">
                  {marks[line.kind]}
                </Code>
                {line.kind !== "same" && <VisuallyHidden>{words[line.kind]}</VisuallyHidden>}
                {line.text || " "}
              </Box>
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
}
