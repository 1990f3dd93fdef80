import type { Control } from "@openaims/contracts";
import { useMemo, useState } from "react";

/**
 * Which controls of a list are ticked. The selection keeps ids only and reads each control from
 * the list as shown, so a bulk decision always sends the versions on screen.
 */
export function useControlSelection(shown: readonly Control[]) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => shown.filter((control) => ids.has(control.id)), [shown, ids]);
  const allShown = shown.length > 0 && selected.length === shown.length;
  return {
    selected,
    /** Nothing to select while the list is empty or loading. */
    empty: shown.length === 0,
    isSelected: (id: string) => ids.has(id),
    allShown,
    someShown: selected.length > 0 && !allShown,
    toggle: (id: string) =>
      setIds((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    toggleAllShown: () => setIds(allShown ? new Set() : new Set(shown.map((control) => control.id))),
    clear: () => setIds(new Set()),
  };
}

export type ControlSelection = ReturnType<typeof useControlSelection>;
