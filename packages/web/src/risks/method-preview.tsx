import { Alert } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import type { MethodDraft } from "./method-draft";

/** Tells, before saving, how many risks the changed method would re-rate. */
export function MethodPreview({ orgId, draft }: { orgId: string; draft: MethodDraft }) {
  const [debounced] = useDebouncedValue(draft, 400);
  const preview = useQuery({
    queryKey: ["risk-method-preview", orgId, JSON.stringify(debounced)],
    queryFn: ({ signal }) => callApi(routes.previewRiskMethod, { params: { orgId }, body: debounced, signal }),
    retry: false,
  });
  if (preview.error)
    return (
      <Alert color="yellow" title="This method cannot be saved yet" role="status">
        {errorMessage(preview.error)}
      </Alert>
    );
  if (!preview.data) return null;
  const { riskCount, reratedCount, remappedCount } = preview.data;
  return (
    <Alert color="blue" title="Effect on the register" role="status">
      Saving re-rates {reratedCount} of {riskCount} risks
      {remappedCount > 0 ? `; ${remappedCount} move to another level because a scale changed size` : ""}. Every change
      is recorded in the audit trail.
    </Alert>
  );
}
