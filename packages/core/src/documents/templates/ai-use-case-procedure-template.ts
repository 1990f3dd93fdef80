/**
 * A short procedure for taking a new AI system or use case from request to release (A.6, A.9).
 * `{{organisation}}` is replaced with the organisation's name.
 */
export const aiUseCaseProcedureTemplate = `# Procedure: approving a new AI system or use case

## Purpose

Make sure every AI system or new use of AI at {{organisation}} is known, assessed and approved before people
rely on it, as the AI policy requires.

## When it applies

- a new AI system is built or bought, or a vendor switches on an AI feature in a product we use;
- an existing system is used for a new purpose, by new users, or with new categories of data;
- a material change is planned: new model, retraining, new tools or connectors, more autonomy.

## Steps

1. **Request.** The requester adds the system to the AI system inventory (or updates its entry) and describes
   the purpose, users, data, autonomy and the people it may affect.
2. **Triage.** The AI governance lead confirms the impact tier and which assessments are needed, and names the
   system owner.
3. **Assess.** The system owner records the risks and their treatment. For medium- and high-impact systems the
   owner also completes an AI system impact assessment.
4. **Review.** Security and data protection review the design, the data flows and any vendor terms.
5. **Decide.** The accountable approver approves, approves with conditions, or rejects, and the decision is
   recorded with its reasons. High-impact systems need top management approval.
6. **Release.** The release checklist is completed: assessments current, tests passed, monitoring in place,
   users informed.
7. **Follow up.** The system owner confirms conditions are met and sets the next review date.

## Records

Inventory entry, risk register entries, impact assessment, review notes, approval decision and release
checklist — all kept in the AIMS.

## Review

The AI governance lead reviews this procedure with the AI policy, at least once a year.
`;
