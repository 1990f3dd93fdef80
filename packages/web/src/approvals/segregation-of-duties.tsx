import { Text } from "@mantine/core";
import { type ApprovalCheck, type ApprovalKind, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

/**
 * Whether the signed-in member may approve a record under segregation of duties, asked of the server
 * (which applies the same rule when the approval is sent). Undefined while unknown or not asked.
 * `state` (the record's version or content hash) asks again once the record changes.
 */
export function useApprovalCheck(
  kind: ApprovalKind,
  id: string | undefined,
  state: string | number,
  enabled = true,
): ApprovalCheck | undefined {
  const { orgId } = useOrg();
  const check = useQuery({
    queryKey: ["approval-check", orgId, kind, id ?? null, state],
    queryFn: () => callApi(routes.getApprovalCheck, { params: { orgId }, query: { kind, id } }),
    enabled,
  });
  return check.data;
}

/** Says up front why the approve button is off: the member wrote, submitted, changed or owns the record. */
export function SelfApprovalNote({ check }: { check: ApprovalCheck | undefined }) {
  if (!check || check.mayApprove) return null;
  return (
    <Text size="sm" c="dimmed" role="note">
      {check.reason}
    </Text>
  );
}
