import { List, Stack, Text } from "@mantine/core";
import {
  type ExternalInternalIssuesSection,
  type InterestedPartiesSection,
  type IssueChanges,
  labelOf,
  type PreviousActionsSection,
  reviewActionStatuses,
  type ScopeVersionRef,
} from "@openaims/contracts";
import { formatDate } from "../../ui/format";
import { StatusBadge } from "../../ui/status-badge";
import { reviewActionTone } from "../review-tones";
import { Counts, cellsOf, DataTable, Shown } from "./pack-ui";

/** 9.3.2 a: the actions of earlier reviews and how far they came. */
export function PreviousActionsBody({ section }: { section: PreviousActionsSection }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {section.previousReview
          ? `Previous review: ${section.previousReview.ref} ${section.previousReview.title}, closed ${formatDate(section.previousReview.closedAt)}.`
          : "No earlier review has been closed, so there are no earlier actions to follow up."}
      </Text>
      <Counts
        label="By status"
        items={[
          ...reviewActionStatuses.map((status) => ({
            label: labelOf("reviewActionStatus", status),
            count: section.byStatus[status],
            tone: reviewActionTone[status],
          })),
          { label: "Overdue", count: section.overdue, tone: "danger" as const },
        ]}
      />
      <DataTable
        caption="Actions from earlier reviews"
        columns={["Action", "Review", "Owner", "Due", "Status"]}
        rows={section.actions.items.map((action) => ({
          key: action.id,
          cells: cellsOf(
            `${action.ref} ${action.title}`,
            action.review.ref,
            action.owner?.name ?? "—",
            <>
              {formatDate(action.dueDate)}
              {action.overdue && (
                <StatusBadge tone="danger" ml="xs">
                  Overdue
                </StatusBadge>
              )}
            </>,
            <StatusBadge of="reviewActionStatus" value={action.status} tone={reviewActionTone[action.status]} />,
          ),
        }))}
        empty="No action from an earlier review is open or was finished in the period."
      />
      {section.actions.truncated && <Shown list={section.actions} one="action" many="actions" />}
    </Stack>
  );
}

function ScopeNote({
  scope,
  previous,
  compared,
}: {
  scope: ScopeVersionRef | null;
  previous: ScopeVersionRef | null;
  compared: boolean;
}) {
  const name = (ref: ScopeVersionRef) => `${ref.ref} version ${ref.number} (approved ${formatDate(ref.approvedAt)})`;
  return (
    <Text size="sm" c="dimmed">
      {scope
        ? `From the AIMS scope in force: ${name(scope)}. `
        : "No AIMS scope was approved at this date: approve the scope document to report issues and interested parties. "}
      {!compared
        ? "No earlier review to compare with."
        : previous
          ? `Compared with ${name(previous)}, in force at the previous review.`
          : "No scope was approved at the previous review, so every item counts as added."}
    </Text>
  );
}

function changeOf(
  changes: {
    added: readonly { title?: string; name?: string }[];
    changed: readonly { after: { title?: string; name?: string } }[];
  },
  name: string,
) {
  if (changes.added.some((item) => (item.title ?? item.name) === name))
    return <StatusBadge tone="progress">Added</StatusBadge>;
  if (changes.changed.some((item) => (item.after.title ?? item.after.name) === name))
    return <StatusBadge tone="attention">Changed</StatusBadge>;
  return "—";
}

function IssueTable({ caption, changes }: { caption: string; changes: IssueChanges }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {caption}
      </Text>
      <DataTable
        caption={caption}
        columns={["Issue", "Detail", "Since the last review"]}
        rows={changes.items.map((issue) => ({
          key: issue.title,
          cells: cellsOf(issue.title, issue.detail || "—", changeOf(changes, issue.title)),
        }))}
        empty="None recorded in the scope."
      />
      {changes.removed.length > 0 && (
        <Text size="sm">Removed since the last review: {changes.removed.map((issue) => issue.title).join("; ")}.</Text>
      )}
    </>
  );
}

/** 9.3.2 b: external and internal issues, with what changed since the last review. */
export function IssuesBody({ section }: { section: ExternalInternalIssuesSection }) {
  return (
    <Stack gap="xs">
      <ScopeNote scope={section.scope} previous={section.previousScope} compared={section.compared} />
      <IssueTable caption="External issues" changes={section.external} />
      <IssueTable caption="Internal issues" changes={section.internal} />
    </Stack>
  );
}

/** 9.3.2 c: interested parties and their needs, with what changed since the last review. */
export function PartiesBody({ section }: { section: InterestedPartiesSection }) {
  return (
    <Stack gap="xs">
      <ScopeNote scope={section.scope} previous={section.previousScope} compared={section.compared} />
      <DataTable
        caption="Interested parties"
        columns={["Interested party", "Needs and expectations", "Addressed by the AIMS", "Since the last review"]}
        rows={section.items.map((party) => ({
          key: party.name,
          cells: cellsOf(
            party.name,
            party.needs,
            party.addressedThroughAims ? "Yes" : `No${party.howAddressed ? ` — ${party.howAddressed}` : ""}`,
            changeOf(section, party.name),
          ),
        }))}
        empty="No interested party is recorded in the scope."
      />
      {section.removed.length > 0 && (
        <>
          <Text size="sm">Removed since the last review:</Text>
          <List size="sm">
            {section.removed.map((party) => (
              <List.Item key={party.name}>{party.name}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
