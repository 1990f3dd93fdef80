import type { Dispatch, SetStateAction } from "react";
import { addLevel, type MethodDraft, removeLevel } from "./method-draft";
import { ScaleEditor } from "./scale-editor";

interface Props {
  scale: "likelihood" | "impact";
  draft: MethodDraft;
  setDraft: Dispatch<SetStateAction<MethodDraft>>;
  readOnly: boolean;
  error?: string;
}

/** A scale editor wired to the method draft, keeping the matrix in step with the scale's size. */
export function ScaleEditorFor({ scale, draft, setDraft, readOnly, error }: Props) {
  const key = scale === "likelihood" ? "likelihoodLevels" : "impactLevels";
  return (
    <ScaleEditor
      name={scale === "likelihood" ? "Likelihood" : "Impact"}
      levels={draft[key]}
      readOnly={readOnly}
      error={error}
      onChange={(levels) => setDraft((d) => ({ ...d, [key]: levels }))}
      onAdd={() => setDraft((d) => addLevel(d, scale))}
      onRemove={() => setDraft((d) => removeLevel(d, scale))}
    />
  );
}
