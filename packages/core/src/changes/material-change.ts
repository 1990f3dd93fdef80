import type { ChangeKind } from "@openaims/contracts";

/**
 * Whether a change of this kind is material by default, and why: a material change makes the
 * system's risk and impact assessments due for review again and re-arms its release gate. The
 * person recording the change decides; this is the suggestion the form and the API start from.
 */
export function suggestMaterial(kind: ChangeKind): { material: boolean; why: string } {
  switch (kind) {
    case "model_version":
      return { material: true, why: "A different model can behave differently on the same inputs." };
    case "retraining":
      return { material: true, why: "Retraining changes what the model learned and how it errs." };
    case "vendor_model":
      return { material: true, why: "The vendor's change alters the model the system relies on." };
    case "new_tool_or_connector":
      return { material: true, why: "A new tool or connector lets the system act or read where it could not before." };
    case "new_data_source":
      return { material: true, why: "New data brings new people, rights and quality risks into the system." };
    case "prompt_or_configuration":
      return {
        material: false,
        why: "Prompt and setting changes are often small; mark it material if it changes what the system does or who it serves.",
      };
    case "other":
      return { material: false, why: "Mark it material if it changes the system's purpose, behaviour, data or users." };
  }
}
