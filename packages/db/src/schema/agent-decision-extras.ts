import type { CreatedAt } from "../schema.js";

export interface AgentWebhookSecretsTable {
  id: string;
  org_id: string;
  system_id: string;
  /** The signing secret, sealed with the server's key. */
  secret_sealed: string;
  created_by_member_id: string | null;
  created_at: CreatedAt;
}

export interface AgentScreeningsTable {
  id: string;
  org_id: string;
  system_id: string;
  at: Date;
  /** input | output */
  direction: string;
  rule: string;
  /** flagged | blocked */
  action: string;
  client_key: string;
  created_at: CreatedAt;
}

/** Tables of migration 0028-agent-callbacks-and-screenings. */
export interface AgentDecisionExtraTables {
  agent_webhook_secrets: AgentWebhookSecretsTable;
  agent_screenings: AgentScreeningsTable;
}
