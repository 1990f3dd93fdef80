import { Anchor, List, Text } from "@mantine/core";
import type { HomeView } from "@openaims/contracts";
import { Link } from "react-router";
import { DueItemLine } from "../my-work/due-item-line";
import { useOrg } from "../shell/current-org";
import { EmptyState, HomeSection } from "./home-section";

/** The first items of the person's "My work": approvals they may give and what they own that falls due. */
export function WaitingOnMe({ waiting }: { waiting: HomeView["waitingOnMe"] }) {
  const { orgId } = useOrg();
  return (
    <HomeSection id="home-waiting" title="Waiting on you">
      {waiting.total === 0 ? (
        <EmptyState
          text="Nothing waits on you: no approvals, and nothing you own is due."
          action="See what the management system still needs"
          path="readiness"
        />
      ) : (
        <>
          <Text size="sm">
            {waiting.total} {waiting.total === 1 ? "item needs" : "items need"} you
            {waiting.overdue > 0 ? `, ${waiting.overdue} overdue` : ""}.
          </Text>
          <List spacing={6} size="sm" listStyleType="none">
            {waiting.items.map((item) => (
              <List.Item key={`${item.kind}:${item.recordId}`}>
                <DueItemLine item={item} />
              </List.Item>
            ))}
          </List>
          <Anchor component={Link} to={`/o/${orgId}/my-work`} size="sm">
            See all {waiting.total} in My work
          </Anchor>
        </>
      )}
    </HomeSection>
  );
}
