import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useMe } from "../auth/me-context";

export const auditKey = (orgId: string, auditId: string) => ["internal-audits", orgId, "detail", auditId];
export const programmeKey = (orgId: string, programmeId: string) => ["audit-programmes", orgId, "detail", programmeId];

/** One audit with its checklist, warnings and what it raised. */
export function useAudit(orgId: string, auditId: string | null) {
  return useQuery({
    queryKey: auditKey(orgId, auditId ?? ""),
    queryFn: ({ signal }) => callApi(routes.getInternalAudit, { params: { orgId, auditId: auditId ?? "" }, signal }),
    enabled: auditId !== null,
  });
}

/** One programme with its audits. */
export function useProgramme(orgId: string, programmeId: string | null) {
  return useQuery({
    queryKey: programmeKey(orgId, programmeId ?? ""),
    queryFn: ({ signal }) =>
      callApi(routes.getAuditProgramme, { params: { orgId, programmeId: programmeId ?? "" }, signal }),
    enabled: programmeId !== null,
  });
}

/** Active members as options, with the signed-in person's own membership id for defaults. */
export function useTeamOptions(orgId: string) {
  const me = useMe();
  const members = useQuery({
    queryKey: ["members", orgId, "team-options"],
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listMembers, {
        params: { orgId },
        query: { limit: 200, status: "active" },
        signal,
      });
      return page.items;
    },
  });
  const options = (members.data ?? []).map((member) => ({ value: member.id, label: member.name || member.email }));
  const mine = members.data?.find((member) => member.userId === me.user.id)?.id ?? null;
  return { options, mine, isPending: members.isPending, error: members.error };
}

/** The organisation's current evidence as options "E-3 Title", for linking to checklist items. */
export function useEvidenceOptions(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["evidence", orgId, "options"],
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listEvidence, { params: { orgId }, query: { limit: 200 }, signal });
      return page.items.map((evidence) => ({ value: evidence.id, label: `${evidence.ref} ${evidence.title}` }));
    },
    enabled,
  });
}
