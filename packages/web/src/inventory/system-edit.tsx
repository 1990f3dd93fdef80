import { notifications } from "@mantine/notifications";
import { type AiSystem, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { SystemForm, type SystemRequestBody } from "./system-form";
import { systemFormOf } from "./system-form-values";

/** Edits a system; a save sends the version it was loaded at, so a concurrent change is refused. */
export function SystemEdit({ system, onDone }: { system: AiSystem; onDone: () => void }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: SystemRequestBody) =>
      callApi(routes.updateSystem, {
        params: { orgId, systemId: system.id },
        body: { ...body, slug: body.slug ?? system.slug, version: system.version },
      }),
    onSuccess: async (saved) => {
      notifications.show({ color: "blue", message: `${saved.name} was saved.` });
      await queryClient.invalidateQueries({ queryKey: ["systems", orgId] });
      onDone();
    },
    meta: { inlineError: true },
  });
  return (
    <SystemForm
      initial={systemFormOf(system)}
      submitLabel="Save changes"
      onSubmit={(body) => update.mutate(body)}
      onCancel={onDone}
      pending={update.isPending}
      error={update.error}
    />
  );
}
