import { Button, type ButtonProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { impactPaths } from "./impact-labels";

interface Props extends ButtonProps {
  systemId: string;
  systemName: string;
  /** Copy the approved revision (default) or start from the blank template. */
  startFrom?: "current_approved" | "blank";
  label?: string;
}

/** Opens a new draft revision for a system and goes to its editor. */
export function StartAssessmentButton({
  systemId,
  systemName,
  startFrom = "current_approved",
  label,
  ...props
}: Props) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => callApi(routes.startImpactAssessment, { params: { orgId, systemId }, body: { startFrom } }),
    onSuccess: async (created) => {
      notifications.show({ color: "blue", message: `${created.ref} started for ${systemName}.` });
      await queryClient.invalidateQueries({ queryKey: ["impact-assessments", orgId] });
      await navigate(impactPaths.assessment(orgId, created.id));
    },
  });
  const text = label ?? "Start assessment";
  return (
    <Button
      size="xs"
      {...props}
      loading={start.isPending}
      onClick={() => start.mutate()}
      aria-label={`${text} for ${systemName}`}
    >
      {text}
    </Button>
  );
}
