import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../ui/page-header";
import { useCataloguePath } from "./catalogue-paths";
import type { CatalogueSection } from "./catalogue-types";

/** Shown for a deep link to an id the catalogue does not have (a typo, or a renumbered item). */
export function UnknownItem({ kind, id, section }: { kind: string; id: string; section: CatalogueSection }) {
  const pathTo = useCataloguePath();
  return (
    <Stack>
      <PageHeader title={`No ${kind} ${id}`} />
      <Text>
        The catalogue has no {kind} with the id “{id}”.{" "}
        <Anchor component={Link} to={pathTo(section)}>
          Browse all of them
        </Anchor>
      </Text>
    </Stack>
  );
}
