import { Select, type SelectProps, Stack, Text } from "@mantine/core";
import { type Role, roleDescriptions, roles } from "@openaims/contracts";
import { roleLabel } from "./format";

interface RoleSelectProps extends Omit<SelectProps<Role>, "data" | "renderOption"> {
  /** Roles not to offer, e.g. `owner` where the contract forbids it. */
  exclude?: readonly Role[];
  /** Show the chosen role's description under the input (default true). */
  withDescription?: boolean;
}

/** Choose a role; each option and the current choice show what the role may do. */
export function RoleSelect({ exclude = [], value, description, withDescription = true, ...props }: RoleSelectProps) {
  const data = roles.filter((role) => !exclude.includes(role)).map((role) => ({ value: role, label: roleLabel(role) }));
  return (
    <Select<Role>
      data={data}
      value={value}
      allowDeselect={false}
      description={description ?? (withDescription && value ? roleDescriptions[value] : undefined)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {option.label}
          </Text>
          <Text size="xs">{roleDescriptions[option.value]}</Text>
        </Stack>
      )}
      {...props}
    />
  );
}
