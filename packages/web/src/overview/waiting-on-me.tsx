import { Anchor, List, Text } from "@mantine/core";
import { enumLabels, type HomeView } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { EmptyState, HomeSection } from "./home-section";

/** Records the signed-in person can act on: approvals they may give, and their overdue records. */
export function WaitingOnMe({ waiting }: { waiting: HomeView["waitingOnMe"] }) {
  const { orgId } = useOrg();
  return (
    <HomeSection id="home-waiting" title="Waiting on you">
      {waiting.total === 0 ? (
        <EmptyState
          text="Nothing is waiting on you: no approvals, and nothing you own is overdue."
          action="See what the management system still needs"
          path="readiness"
        />
      ) : (
        <>
          <Text size="sm">
            {waiting.total} {waiting.total === 1 ? "item needs" : "items need"} you
            {waiting.total > waiting.items.length ? `; the ${waiting.items.length} oldest are listed` : ""}.
          </Text>
          <List spacing={4} size="sm">
            {waiting.items.map((item) => (
              <List.Item key={`${item.kind}:${item.id}`}>
                <Text span fw={600}>
                  {enumLabels.homeWaitingKind[item.kind]}:
                </Text>{" "}
                <Anchor component={Link} to={`/o/${orgId}/${item.path}`}>
                  {item.ref} {item.title}
                </Anchor>
                {item.since ? ` — since ${formatDate(item.since)}` : ""}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </HomeSection>
  );
}
