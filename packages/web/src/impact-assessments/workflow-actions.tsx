import { Button, Group } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { useOrg } from "../shell/current-org";
import { ReasonModal } from "../ui/reason-modal";
import type { Assessment } from "./impact-types";
import { StartAssessmentButton } from "./start-assessment-button";
import { useAssessmentAction } from "./use-assessment-action";

type Step = "return" | "approve" | "archive";

/** The review steps a revision allows now: return or approve a submission, archive work in progress, reassess. */
export function WorkflowActions({ assessment }: { assessment: Assessment }) {
  const { orgId } = useOrg();
  const [step, setStep] = useState<Step | null>(null);
  const params = { orgId, assessmentId: assessment.id };
  const version = assessment.version;
  const returnIt = useAssessmentAction(
    (comment: string) => callApi(routes.returnImpactAssessment, { params, body: { comment, version } }),
    "returned to draft.",
  );
  const approve = useAssessmentAction(
    (comment: string) =>
      callApi(routes.approveImpactAssessment, {
        params,
        body: { contentHash: assessment.contentHash, comment: comment.trim() || undefined, version },
      }),
    "approved.",
  );
  const archive = useAssessmentAction(
    (reason: string) => callApi(routes.archiveImpactAssessment, { params, body: { reason, version } }),
    "archived.",
  );
  const mutations = { return: returnIt, approve, archive };
  const open = (next: Step) => {
    mutations[next].reset();
    setStep(next);
  };
  const live = assessment.archivedAt === null;
  const { status } = assessment;
  const approval = useApprovalCheck("impact_assessment", assessment.id, version, live && status === "submitted");

  if (!live) return null;
  return (
    <Group>
      {status === "submitted" && (
        <>
          <Button onClick={() => open("approve")} disabled={approval?.mayApprove === false}>
            Approve
          </Button>
          <Button variant="default" onClick={() => open("return")}>
            Return to draft
          </Button>
          <SelfApprovalNote check={approval} />
        </>
      )}
      {(status === "draft" || status === "submitted") && (
        <Button variant="subtle" color="red" onClick={() => open("archive")}>
          Archive revision
        </Button>
      )}
      {status === "approved" && (
        <StartAssessmentButton
          systemId={assessment.system.id}
          systemName={assessment.system.name}
          size="sm"
          variant={assessment.stale ? "filled" : "light"}
          label="Start new revision"
        />
      )}
      <ReasonModal
        opened={step === "approve"}
        title={`Approve ${assessment.ref}`}
        description="You approve this revision exactly as shown. If the system changes materially later, the approval becomes stale."
        label="Comment (optional)"
        field="comment"
        required={false}
        confirmLabel="Approve revision"
        errorTitle="Not approved"
        maxLength={4000}
        mutation={approve}
        onClose={() => setStep(null)}
      />
      <ReasonModal
        opened={step === "return"}
        title={`Return ${assessment.ref} to draft`}
        description="The author can edit it again and resubmit. Say what should change."
        label="What should change"
        field="comment"
        confirmLabel="Return to draft"
        errorTitle="Not returned to draft"
        maxLength={4000}
        mutation={returnIt}
        onClose={() => setStep(null)}
      />
      <ReasonModal
        opened={step === "archive"}
        title={`Archive ${assessment.ref}`}
        description="The revision is kept with its reason but can no longer change. The system can then be assessed afresh."
        label="Reason"
        field="reason"
        confirmColor="red"
        confirmLabel="Archive revision"
        errorTitle="Not archived"
        maxLength={4000}
        mutation={archive}
        onClose={() => setStep(null)}
      />
    </Group>
  );
}
