import { Button, Group, Select } from "@mantine/core";
import { type EvidenceTargetType, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useLinkTargets } from "./use-link-targets";

const typeOptions: { value: EvidenceTargetType; label: string }[] = [
  { value: "control", label: "Control" },
  { value: "clause", label: "Clause" },
  { value: "risk", label: "Risk" },
  { value: "system", label: "AI system" },
  { value: "asset", label: "Inventory asset" },
];

/** Links the evidence to one more control, clause, risk, AI system or inventory asset. */
export function AddLinkForm({ evidenceId }: { evidenceId: string }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [targetType, setTargetType] = useState<EvidenceTargetType>("control");
  const [target, setTarget] = useState<string | null>(null);
  const options = useLinkTargets(targetType);
  const link = useMutation({
    mutationFn: (chosen: string) =>
      callApi(routes.linkEvidence, { params: { orgId, evidenceId }, body: { targetType, target: chosen } }),
    onSuccess: async () => {
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey: ["evidence", orgId] });
    },
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(null, link.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) link.mutate(target);
  };

  return (
    <form ref={formRef} onSubmit={submit} aria-label="Link evidence">
      <Group align="flex-end" wrap="wrap">
        <Select<EvidenceTargetType>
          label="Link to"
          data={typeOptions}
          value={targetType}
          onChange={(value) => {
            setTargetType(value ?? "control");
            setTarget(null);
          }}
          allowDeselect={false}
          w={160}
        />
        <Select
          label={typeOptions.find((o) => o.value === targetType)?.label ?? "Target"}
          placeholder={options.isPending ? "Loading…" : "Search"}
          data={options.data ?? []}
          value={target}
          onChange={setTarget}
          searchable
          nothingFoundMessage="Nothing found"
          miw={320}
          error={options.error ? "Could not load the list" : undefined}
        />
        <Button type="submit" disabled={!target} loading={link.isPending}>
          Add link
        </Button>
      </Group>
      {link.error && <ErrorAlert error={link.error} title="Could not link" mt="sm" />}
    </form>
  );
}
