import { List, Stack, Text, Title } from "@mantine/core";
import { labelOf } from "@openaims/contracts";
import { formatDateTime } from "../ui/format";
import type { Assessment } from "./impact-types";

/** Submissions, returns and approvals of a revision, oldest first, with their comments. */
export function ReviewLog({ entries }: { entries: Assessment["reviewLog"] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="impact-review-heading">
      <Title order={2} size="h3" id="impact-review-heading">
        Review log
      </Title>
      {entries.length === 0 ? (
        <Text size="sm">Not submitted yet.</Text>
      ) : (
        <List spacing="xs">
          {entries.map((entry) => (
            <List.Item key={`${entry.action}-${entry.at}`}>
              <Text size="sm">
                {labelOf("impactReviewAction", entry.action)} by {entry.by.name} on {formatDateTime(entry.at)}
              </Text>
              {entry.comment && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                  “{entry.comment}”
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
