import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { InventoryNav } from "./inventory-nav";
import { SystemForm, type SystemRequestBody } from "./system-form";
import { emptySystemForm } from "./system-form-values";

/** "Register AI system": the full form, then the new system's page. */
export default function RegisterSystemPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: SystemRequestBody) => callApi(routes.createSystem, { params: { orgId }, body }),
    onSuccess: async (system) => {
      notifications.show({ color: "blue", message: `${system.name} was registered.` });
      await queryClient.invalidateQueries({ queryKey: ["systems", orgId] });
      await navigate(`/o/${orgId}/inventory/systems/${system.id}`);
    },
    meta: { inlineError: true },
  });

  if (!can("governance.write")) return <NoAccess title="Register AI system" />;
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="Register AI system" />
      <SystemForm
        initial={emptySystemForm}
        submitLabel="Register system"
        onSubmit={(body) => create.mutate(body)}
        onCancel={() => navigate(`/o/${orgId}/inventory/systems`)}
        pending={create.isPending}
        error={create.error}
      />
    </Stack>
  );
}
