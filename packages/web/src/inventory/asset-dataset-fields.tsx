import { Fieldset, MultiSelect, Stack, Textarea } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import type { AssetFormValues, SetAssetField } from "./asset-form-values";
import { dataCategoryLabels, optionsOf } from "./inventory-labels";

type TextKey = "provenance" | "acquisitionMethod" | "qualityNotes" | "preparationNotes" | "licence";

const textFields: { key: TextKey; label: string; description: string }[] = [
  { key: "provenance", label: "Provenance", description: "Where the data comes from and who produced it." },
  {
    key: "acquisitionMethod",
    label: "How it was acquired",
    description: "Collected from users, bought, licensed, scraped, generated …",
  },
  {
    key: "qualityNotes",
    label: "Data quality",
    description: "Checks made, known gaps or bias, how well it represents the people it is used on.",
  },
  { key: "preparationNotes", label: "Preparation", description: "Cleaning, labelling, filtering, anonymising." },
  { key: "licence", label: "Licence or terms", description: "Under what terms the organisation may use it." },
];

/** What a dataset record needs to show the data is fit for its use. */
export function AssetDatasetFields({
  values,
  set,
  errors,
}: {
  values: AssetFormValues;
  set: SetAssetField;
  errors: FieldErrors;
}) {
  return (
    <Fieldset legend="Data">
      <Stack>
        {textFields.map((field) => (
          <Textarea
            key={field.key}
            label={field.label}
            description={field.description}
            autosize
            minRows={2}
            value={values[field.key]}
            onChange={(event) => set(field.key, event.currentTarget.value)}
            error={errors[field.key]}
          />
        ))}
        <MultiSelect
          label="Data categories"
          description="Kinds of data it contains."
          data={optionsOf(dataCategoryLabels)}
          value={values.dataCategories}
          onChange={(value) => set("dataCategories", value as AssetFormValues["dataCategories"])}
          error={errors.dataCategories}
        />
      </Stack>
    </Fieldset>
  );
}
