import { Button, Group } from "@mantine/core";
import { Link, useLocation } from "react-router";

const sections = [
  { to: "", label: "Documents" },
  { to: "scope", label: "AIMS scope" },
  { to: "responsibilities", label: "Responsibilities" },
] as const;

/** Moves between the three parts of the documents module. */
export function DocumentsNav() {
  const { pathname } = useLocation();
  const base = pathname.replace(/\/documents(\/.*)?$/, "/documents");
  return (
    <Group component="nav" aria-label="Documents sections" gap="xs">
      {sections.map(({ to, label }) => {
        const href = to ? `${base}/${to}` : base;
        const current = pathname === href;
        return (
          <Button
            key={label}
            component={Link}
            to={href}
            size="xs"
            variant={current ? "light" : "subtle"}
            aria-current={current ? "page" : undefined}
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
