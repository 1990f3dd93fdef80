import { Anchor } from "@mantine/core";
import { Link } from "react-router";
import { useCataloguePath } from "./catalogue-paths";

/** Where an ISO/IEC 42001 id lives in the catalogue: areas ("A.6") open the filtered control list. */
function targetOf(id: string): { section: "clauses" | "controls"; id?: string; query?: string } {
  if (!id.startsWith("A.")) return { section: "clauses", id };
  return id.split(".").length > 2 ? { section: "controls", id } : { section: "controls", query: id };
}

/** A link to the clause, control or Annex A area an id names. */
export function IsoRefLink({ id, label }: { id: string; label?: string }) {
  const pathTo = useCataloguePath();
  const target = targetOf(id);
  const href = target.query
    ? `${pathTo(target.section)}?q=${encodeURIComponent(target.query)}`
    : pathTo(target.section, target.id);
  return (
    <Anchor component={Link} to={href}>
      {label ?? id}
    </Anchor>
  );
}
