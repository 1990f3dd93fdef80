/** How to audit one requirement: what to do, and what the result is judged against. Our own words. */
export interface RequirementAuditTemplate {
  /** What to inspect, whom to interview, what to sample — and which OpenAIMS records hold the evidence. */
  procedure: string;
  /** One or two sentences an auditor can judge a result against. */
  passCriterion: string;
}
