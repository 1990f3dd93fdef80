import { Group, Select, type SelectProps } from "@mantine/core";
import { enumOptions, type LabelledEnum } from "@openaims/contracts";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import { useSystemOptions } from "../risks/use-risk-data";

type Look = Pick<SelectProps, "maw">;

interface FilterProps extends Look {
  /** The current value from the URL; `undefined` shows the placeholder. */
  value: string | undefined;
  /** Called with the chosen value, or `null` when the filter is cleared. */
  onChange: (value: string | null) => void;
}

/** The row of filters above a list; the inputs wrap on narrow screens and line up on their bottom edge. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Group align="flex-end" wrap="wrap">
      {children}
    </Group>
  );
}

interface EnumFilterProps<E extends LabelledEnum> extends FilterProps {
  /** The enum whose values are offered, labelled from the shared label map. */
  of: E;
  label: string;
  /** Defaults to "Any" and the label in lower case, e.g. "Any status". */
  placeholder?: string;
}

/** A clearable filter over one labelled enum. */
export function EnumFilter<E extends LabelledEnum>({
  of,
  label,
  placeholder,
  value,
  onChange,
  maw,
}: EnumFilterProps<E>) {
  return (
    <Select
      label={label}
      placeholder={placeholder ?? `Any ${label.toLowerCase()}`}
      data={enumOptions(of)}
      value={value ?? null}
      onChange={onChange}
      clearable
      maw={maw}
    />
  );
}

interface SystemFilterProps extends FilterProps {
  orgId: string;
  placeholder?: string;
}

/** A clearable, searchable "AI system" filter over the organisation's systems. */
export function SystemFilter({ orgId, placeholder = "All systems", value, onChange, maw }: SystemFilterProps) {
  const systems = useSystemOptions(orgId);
  return (
    <Select
      label="AI system"
      placeholder={placeholder}
      data={systems.data ?? []}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
      maw={maw}
    />
  );
}

/**
 * List filters kept in the URL so a filtered view can be linked to. Setting one replaces the history
 * entry rather than adding one; `filtered` says whether any of `keys` is set, and `bind(key)` gives a
 * filter input its `value` and `onChange`.
 */
export function useFilterParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: K, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const bind = (key: K): Pick<FilterProps, "value" | "onChange"> => ({
    value: params.get(key) ?? undefined,
    onChange: (value) => setFilter(key, value),
  });
  const filtered = keys.some((key) => params.get(key));
  return { params, setFilter, bind, filtered };
}
