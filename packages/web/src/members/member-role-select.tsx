import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { sessionKey } from "../auth/session";
import { useOrg } from "../shell/current-org";
import { roleLabel } from "../ui/format";
import { RoleSelect } from "../ui/role-select";
import type { Member } from "./member-types";

/** Changes one member's role in place, sending the version it was read at. */
export function MemberRoleSelect({ member }: { member: Member }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (role: Member["role"]) =>
      callApi(routes.updateMember, {
        params: { orgId, memberId: member.id },
        body: { role, version: member.version },
      }),
    onSuccess: async (updated) => {
      notifications.show({ color: "blue", message: `${updated.name} is now ${roleLabel(updated.role)}.` });
      await queryClient.invalidateQueries({ queryKey: ["members", orgId] });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
  return (
    <RoleSelect
      aria-label={`Role of ${member.name}`}
      value={member.role}
      withDescription={false}
      onChange={(role) => {
        if (role && role !== member.role) update.mutate(role);
      }}
      disabled={update.isPending}
      size="xs"
      w={200}
    />
  );
}
