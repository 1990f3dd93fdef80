import { Button, Group } from "@mantine/core";
import { Link } from "react-router";
import { useCataloguePath } from "./catalogue-paths";
import type { CatalogueSection } from "./catalogue-types";

const sections: { section: CatalogueSection; label: string }[] = [
  { section: "clauses", label: "Clauses 4–10" },
  { section: "controls", label: "Annex A controls" },
  { section: "threats", label: "Threat library" },
  { section: "crosswalks", label: "Crosswalks" },
];

/** Links between the four parts of the catalogue; the current part is marked for screen readers too. */
export function CatalogueNav({ current }: { current: CatalogueSection }) {
  const pathTo = useCataloguePath();
  return (
    <Group component="nav" aria-label="Catalogue sections" gap="xs" wrap="wrap">
      {sections.map(({ section, label }) => (
        <Button
          key={section}
          component={Link}
          to={pathTo(section)}
          variant={section === current ? "filled" : "default"}
          size="xs"
          aria-current={section === current ? "page" : undefined}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
