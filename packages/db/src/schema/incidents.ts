import type { CreatedAt, RecordColumns, UpdatedAt } from "../schema.js";

export interface IncidentsTable extends RecordColumns {
  ref: string;
  title: string;
  description: string;
  /** low | medium | high | critical */
  severity: string;
  /** reported | triaged | contained | resolved | closed */
  status: string;
  detected_at: Date;
  occurred_at: Date | null;
  root_cause: string;
  reported_by_member_id: string | null;
  resolved_at: Date | null;
  closed_at: Date | null;
}

export interface IncidentSystemsTable {
  incident_id: string;
  org_id: string;
  system_id: string;
}

export interface IncidentTimelineEntriesTable {
  id: string;
  org_id: string;
  incident_id: string;
  /** note | status_change | communication | link */
  kind: string;
  body: string;
  from_status: string | null;
  to_status: string | null;
  author_member_id: string | null;
  created_at: CreatedAt;
}

export interface IncidentCommunicationsTable {
  id: string;
  org_id: string;
  incident_id: string;
  audience: string;
  recipient: string;
  communicated_at: Date;
  channel: string;
  summary: string;
  recorded_by_member_id: string | null;
  created_at: CreatedAt;
}

export interface IncidentLinksTable {
  id: string;
  org_id: string;
  incident_id: string;
  /** risk | change | alert | nonconformity | corrective_action | incident */
  kind: string;
  target_id: string;
  created_by_member_id: string | null;
  created_at: CreatedAt;
}

export interface ConcernsTable extends RecordColumns {
  ref: string;
  description: string;
  system_id: string | null;
  contact_preference: string;
  system_name: string;
  /** member | anonymous */
  channel: string;
  reported_by_member_id: string | null;
  /** new | became_incident | became_risk | closed */
  status: string;
  incident_id: string | null;
  risk_id: string | null;
  closed_reason: string | null;
  triaged_by_member_id: string | null;
  triaged_at: Date | null;
}

export interface ConcernLinksTable {
  org_id: string;
  /** SHA-256 (hex) of the link's token; the token itself is shown once and never stored. */
  token_hash: string;
  created_by_member_id: string | null;
  /** When this link was made; a rotation makes a new one. */
  created_at: UpdatedAt;
}

/** Tables of migration 0017-incidents. */
export interface IncidentTables {
  incidents: IncidentsTable;
  incident_systems: IncidentSystemsTable;
  incident_timeline_entries: IncidentTimelineEntriesTable;
  incident_communications: IncidentCommunicationsTable;
  incident_links: IncidentLinksTable;
  concerns: ConcernsTable;
  concern_links: ConcernLinksTable;
}
