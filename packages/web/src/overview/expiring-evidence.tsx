import { Anchor, List, Text } from "@mantine/core";
import type { HomeView } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { EmptyState, HomeSection } from "./home-section";

/** Evidence reaching the end of its validity within the window, soonest first, and what has lapsed. */
export function ExpiringEvidence({ evidence }: { evidence: HomeView["evidence"] }) {
  const { orgId } = useOrg();
  const title = `Evidence expiring in ${evidence.windowDays} days`;
  return (
    <HomeSection id="home-evidence" title={title}>
      {evidence.expiringCount === 0 ? (
        <EmptyState
          text={`Nothing expires in the next ${evidence.windowDays} days.`}
          action="Add evidence with its validity"
          path="evidence/new"
        />
      ) : (
        <>
          <Text size="sm">
            {evidence.expiringCount} {evidence.expiringCount === 1 ? "piece expires" : "pieces expire"} soon; collect
            fresh evidence before then.
          </Text>
          <List spacing={4} size="sm">
            {evidence.expiring.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/o/${orgId}/evidence/${item.id}`}>
                  {item.ref} {item.title}
                </Anchor>{" "}
                — until {formatDate(item.validUntil)}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {evidence.expiredCount > 0 && (
        <EmptyState
          text={`${evidence.expiredCount} ${evidence.expiredCount === 1 ? "piece has" : "pieces have"} already expired.`}
          action="Review evidence that needs attention"
          path="evidence/attention"
        />
      )}
    </HomeSection>
  );
}
