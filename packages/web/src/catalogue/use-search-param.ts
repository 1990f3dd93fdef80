import { useSearchParams } from "react-router";

/** The search text kept in `?q=`, so a filtered list can be bookmarked and shared. */
export function useSearchParam(): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get("q") ?? "";
  const setValue = (next: string) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set("q", next);
        else updated.delete("q");
        return updated;
      },
      { replace: true },
    );
  };
  return [value, setValue];
}
