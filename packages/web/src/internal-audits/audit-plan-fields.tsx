import { MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import { useCatalogue } from "../catalogue/catalogue-queries";
import { useSystemOptions } from "../risks/use-risk-data";

/** The scope and team of an audit as the form holds them. */
export interface ScopeAndTeam {
  clauseIds: string[];
  controlIds: string[];
  systemIds: string[];
  processes: string[];
  leadAuditorMemberId: string | null;
  auditorMemberIds: string[];
}

interface Props {
  orgId: string;
  values: ScopeAndTeam;
  onChange: (patch: Partial<ScopeAndTeam>) => void;
  errors: FieldErrors;
  memberOptions: { value: string; label: string }[];
  /** Clauses and controls are fixed once fieldwork starts. */
  checklistLocked: boolean;
}

/** Pickers for what an audit covers (clauses, Annex A controls, AI systems, processes) and who audits it. */
export function AuditPlanFields({ orgId, values, onChange, errors, memberOptions, checklistLocked }: Props) {
  const catalogue = useCatalogue();
  const systems = useSystemOptions(orgId);
  const clauseOptions = (catalogue.data?.clauses ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }));
  const areas = catalogue.data?.annexA.areas ?? [];
  const controlOptions = areas.map((area) => ({
    group: `${area.id} ${area.title}`,
    items: (catalogue.data?.annexA.controls ?? [])
      .filter((control) => control.areaId === area.id)
      .map((control) => ({ value: control.id, label: `${control.id} ${control.title}` })),
  }));
  const whole = values.clauseIds.length === 0 && values.controlIds.length === 0;
  const scopeHint = checklistLocked ? "Fixed once fieldwork has started: the checklist is being answered." : undefined;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Lead auditor"
          description="Runs the audit and signs its report"
          required
          searchable
          data={memberOptions}
          value={values.leadAuditorMemberId}
          onChange={(leadAuditorMemberId) => onChange({ leadAuditorMemberId })}
          error={errors.leadAuditorMemberId}
        />
        <MultiSelect
          label="Auditors"
          description="Others on the audit team; checklist items can be assigned to any of them"
          searchable
          data={memberOptions.filter((option) => option.value !== values.leadAuditorMemberId)}
          value={values.auditorMemberIds}
          onChange={(auditorMemberIds) => onChange({ auditorMemberIds })}
          error={errors.auditorMemberIds}
        />
      </SimpleGrid>
      <MultiSelect
        label="Clauses"
        description={scopeHint ?? "A clause with sub-clauses brings all of them, e.g. 9.2 brings 9.2.1 and 9.2.2"}
        searchable
        clearable
        disabled={checklistLocked}
        data={clauseOptions}
        value={values.clauseIds}
        onChange={(clauseIds) => onChange({ clauseIds })}
        error={errors["scope.clauseIds"] ?? errors.scope}
      />
      <MultiSelect
        label="Annex A controls"
        description={scopeHint}
        searchable
        clearable
        disabled={checklistLocked}
        data={controlOptions}
        value={values.controlIds}
        onChange={(controlIds) => onChange({ controlIds })}
        error={errors["scope.controlIds"]}
      />
      {whole && !checklistLocked && (
        <Text size="sm" c="dimmed">
          With no clause and no control chosen, the audit covers the whole standard: every requirement of clauses 4–10
          and all 38 Annex A controls.
        </Text>
      )}
      <MultiSelect
        label="AI systems"
        description="The systems whose records the audit samples"
        searchable
        clearable
        data={systems.data ?? []}
        value={values.systemIds}
        onChange={(systemIds) => onChange({ systemIds })}
        error={errors["scope.systemIds"]}
      />
      <TagsInput
        label="Processes"
        description="Processes in words, e.g. model release or supplier onboarding; press Enter after each"
        value={values.processes}
        onChange={(processes) => onChange({ processes })}
        error={errors["scope.processes"]}
      />
    </Stack>
  );
}
