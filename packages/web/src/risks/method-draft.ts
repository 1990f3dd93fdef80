import type { RiskMethodBody, RiskRating, ScaleLevel } from "@openaims/contracts";

export type MethodDraft = RiskMethodBody;

/** Adds a level at the top of a scale, copying the highest row or column of the matrix so every cell stays rated. */
export function addLevel(draft: MethodDraft, scale: "likelihood" | "impact"): MethodDraft {
  const level: ScaleLevel = { label: "", description: "" };
  if (scale === "likelihood") {
    const top = draft.matrix[draft.matrix.length - 1] ?? [];
    return { ...draft, likelihoodLevels: [...draft.likelihoodLevels, level], matrix: [...draft.matrix, [...top]] };
  }
  return {
    ...draft,
    impactLevels: [...draft.impactLevels, level],
    matrix: draft.matrix.map((row) => [...row, row[row.length - 1] ?? ("low" as RiskRating)]),
  };
}

/** Removes the highest level of a scale and its row or column of the matrix. */
export function removeLevel(draft: MethodDraft, scale: "likelihood" | "impact"): MethodDraft {
  if (scale === "likelihood")
    return { ...draft, likelihoodLevels: draft.likelihoodLevels.slice(0, -1), matrix: draft.matrix.slice(0, -1) };
  return {
    ...draft,
    impactLevels: draft.impactLevels.slice(0, -1),
    matrix: draft.matrix.map((row) => row.slice(0, -1)),
  };
}

/** Changes one cell of the matrix. */
export function setCell(draft: MethodDraft, likelihood: number, impact: number, rating: RiskRating): MethodDraft {
  return {
    ...draft,
    matrix: draft.matrix.map((row, l) =>
      l === likelihood ? row.map((cell, i) => (i === impact ? rating : cell)) : row,
    ),
  };
}
