import { Anchor, Group } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { useOrg } from "../shell/current-org";

const sections = [
  { path: "systems", label: "AI systems" },
  { path: "assets", label: "Assets" },
  { path: "vendors", label: "Vendors" },
];

/** Moves between the inventory's three registers. */
export function InventoryNav() {
  const { orgId } = useOrg();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Inventory" gap="lg" mb="xs">
      {sections.map((section) => {
        const to = `/o/${orgId}/inventory/${section.path}`;
        const current = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <Anchor
            key={section.path}
            component={Link}
            to={to}
            aria-current={current ? "page" : undefined}
            fw={current ? 700 : 500}
            underline={current ? "always" : "hover"}
          >
            {section.label}
          </Anchor>
        );
      })}
    </Group>
  );
}
