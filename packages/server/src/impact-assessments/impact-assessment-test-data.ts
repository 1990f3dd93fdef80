import type { ImpactContentInput } from "@openaims/contracts";
import type { TestMember, TestServer } from "../testing/test-server.js";

/** Registers an AI system through the inventory API; returns its id. */
export async function createSystem(
  t: TestServer,
  member: TestMember,
  name: string,
  extra: { intendedUse?: string } = {},
): Promise<string> {
  const res = await t.call(member.token, {
    method: "POST",
    url: `/api/v1/orgs/${member.orgId}/systems`,
    payload: {
      name,
      intendedUse: extra.intendedUse ?? "",
      ourRole: "provider",
      impactTier: "medium",
      dataCategories: ["personal"],
      capabilities: ["llm", "retrieval"],
      autonomy: "human_in_the_loop",
      customerFacing: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(`creating system '${name}' failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Changes a field an impact assessment rests on, through the inventory API. */
export async function changeSystemMaterially(t: TestServer, member: TestMember, systemId: string): Promise<void> {
  const url = `/api/v1/orgs/${member.orgId}/systems/${systemId}`;
  const system = (await t.call(member.token, { method: "GET", url })).json();
  const res = await t.call(member.token, {
    method: "PATCH",
    url,
    payload: { purpose: `${system.purpose} Now also drafts replies.`, version: system.version },
  });
  if (res.statusCode !== 200) throw new Error(`changing system failed: ${res.statusCode} ${res.body}`);
}

/** Archives a system through the inventory API. */
export async function archiveSystem(t: TestServer, member: TestMember, systemId: string): Promise<void> {
  const url = `/api/v1/orgs/${member.orgId}/systems/${systemId}`;
  const system = (await t.call(member.token, { method: "GET", url })).json();
  const res = await t.call(member.token, {
    method: "POST",
    url: `${url}/archive`,
    payload: { reason: "No longer used", version: system.version },
  });
  if (res.statusCode !== 200) throw new Error(`archiving system failed: ${res.statusCode} ${res.body}`);
}

const standard = [
  "fairness",
  "privacy",
  "safety",
  "human_agency",
  "transparency",
  "accessibility",
  "security",
  "economic",
  "environmental",
] as const;

/** Content that passes every submission check. */
export function completeContent(summary = "Acceptable with a human hand-over."): ImpactContentInput {
  return {
    context: {
      intendedUse: "Answers customer questions about orders.",
      foreseeableMisuse: "People ask it for legal or medical advice.",
      affectedParties: "Customers, including older people; support staff.",
      deploymentSetting: "Web chat in the EU, about 5,000 conversations a day.",
    },
    dimensions: [
      ...standard.map((key) =>
        key === "environmental"
          ? { key, relevant: false, effect: "A hosted model at low volume." }
          : {
              key,
              scopes: ["individuals" as const, "groups" as const],
              severity: "moderate" as const,
              likelihood: "possible" as const,
              affectedGroups: "Customers",
              effect: "A wrong answer misleads a customer.",
              mitigations: "Hand-over to a person on request.",
              residualConcern: "Some wrong answers remain.",
              residualLevel: "low" as const,
            },
      ),
      {
        key: "custom",
        title: "Brand trust",
        scopes: ["society"],
        severity: "minor",
        likelihood: "unlikely",
        effect: "Odd answers shared online.",
        residualLevel: "low",
      },
    ],
    conclusion: { outcome: "acceptable_with_conditions", summary },
  };
}
