import type { GateCheckKind } from "@openaims/contracts";

/** Where to go to fix a failing check of a system's gate. */
export function fixLink(orgId: string, systemId: string, kind: GateCheckKind): { label: string; to: string } | null {
  switch (kind) {
    case "risk_review_recent":
    case "high_risks_accepted":
      return { label: "Review the system's risks", to: `/o/${orgId}/risks?systemId=${systemId}` };
    case "impact_assessment_current":
      return { label: "Open the impact assessment", to: `/o/${orgId}/impact-assessments?systemId=${systemId}` };
    case "security_test_recent":
      return { label: "Run a security test", to: `/o/${orgId}/security-tests/run?system=${systemId}` };
    case "sign_offs":
      return null;
  }
}

/** Saves a signed attestation as a JSON file the browser downloads. */
export function downloadJson(value: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
