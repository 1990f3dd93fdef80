import { Group, Select, Stack, Text, Title } from "@mantine/core";
import { type RiskRating, type Role, riskRatings, roles } from "@openaims/contracts";
import { roleLabel } from "../ui/format";
import type { MethodDraft } from "./method-draft";
import { ratingLabels } from "./risk-labels";

interface Props {
  draft: MethodDraft;
  readOnly: boolean;
  onChange: (patch: Partial<MethodDraft>) => void;
}

const ratingOptions = riskRatings.map((value) => ({ value, label: `Up to ${ratingLabels[value]}` }));
const NONE = "none";

/** The acceptance criteria: what needs no treatment, and how high each role may accept. */
export function AcceptanceRulesEditor({ draft, readOnly, onChange }: Props) {
  const setRole = (role: Role, value: string | null) =>
    onChange({
      acceptanceByRole: {
        ...draft.acceptanceByRole,
        [role]: value === NONE || value === null ? null : (value as RiskRating),
      },
    });
  return (
    <Stack gap="sm" component="section" aria-labelledby="acceptance-rules-heading">
      <Title order={2} size="h3" id="acceptance-rules-heading">
        Acceptance criteria
      </Title>
      <Select<RiskRating>
        label="Acceptable without treatment"
        description="Risks rated at or below this need no treatment."
        data={ratingOptions}
        value={draft.acceptableWithoutTreatment}
        onChange={(value) => value && onChange({ acceptableWithoutTreatment: value })}
        allowDeselect={false}
        readOnly={readOnly}
        maw={320}
      />
      <Text size="sm">Highest rating each role may accept in its own name:</Text>
      <Group wrap="wrap">
        {roles.map((role) => (
          <Select
            key={role}
            label={`${roleLabel(role)} may accept`}
            data={[{ value: NONE, label: "Nothing" }, ...ratingOptions]}
            value={draft.acceptanceByRole[role] ?? NONE}
            onChange={(value) => setRole(role, value)}
            allowDeselect={false}
            readOnly={readOnly}
            w={210}
          />
        ))}
      </Group>
    </Stack>
  );
}
