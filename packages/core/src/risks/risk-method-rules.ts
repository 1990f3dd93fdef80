import {
  MAX_SCALE_LEVELS,
  MIN_SCALE_LEVELS,
  type RiskMethodBody,
  type RiskRating,
  type Role,
  riskRatings,
} from "@openaims/contracts";

/** A problem with a method, named by the body field it concerns (e.g. `matrix.2`). */
export interface MethodProblem {
  field: string;
  message: string;
}

/** Position of a rating, low = 0 … critical = 3. */
export function ratingRank(rating: RiskRating): number {
  return riskRatings.indexOf(rating);
}

/** True when `a` is at most `b`. */
export function ratingAtMost(a: RiskRating, b: RiskRating): boolean {
  return ratingRank(a) <= ratingRank(b);
}

/**
 * Checks what the schema cannot: the matrix has one row per likelihood level and one column per
 * impact level, and the scales stay within the allowed size.
 */
export function validateRiskMethod(method: RiskMethodBody): MethodProblem[] {
  const problems: MethodProblem[] = [];
  const rows = method.likelihoodLevels.length;
  const cols = method.impactLevels.length;
  for (const [field, size] of [
    ["likelihoodLevels", rows],
    ["impactLevels", cols],
  ] as const) {
    if (size < MIN_SCALE_LEVELS || size > MAX_SCALE_LEVELS)
      problems.push({ field, message: `needs ${MIN_SCALE_LEVELS} to ${MAX_SCALE_LEVELS} levels` });
  }
  if (method.matrix.length !== rows) {
    problems.push({
      field: "matrix",
      message: `has ${method.matrix.length} rows but the likelihood scale has ${rows} levels`,
    });
  }
  method.matrix.forEach((row, index) => {
    if (row.length !== cols)
      problems.push({
        field: `matrix.${index}`,
        message: `has ${row.length} ratings but the impact scale has ${cols} levels`,
      });
    for (const rating of row)
      if (!riskRatings.includes(rating)) problems.push({ field: `matrix.${index}`, message: "has an unknown rating" });
  });
  return problems;
}

/** The rating the method's matrix gives a likelihood and impact level (both numbered from 1). */
export function rateRisk(method: Pick<RiskMethodBody, "matrix">, likelihood: number, impact: number): RiskRating {
  const rating = method.matrix[likelihood - 1]?.[impact - 1];
  if (!rating) throw new RangeError(`No rating for likelihood ${likelihood} and impact ${impact}`);
  return rating;
}

/**
 * Moves a level to a scale of another size, keeping its relative position: the lowest level stays
 * lowest, the highest stays highest, and level l of n goes to the level nearest to
 * 1 + (l − 1) × (m − 1) / (n − 1) on the new scale of m (halves round up). The same size maps every
 * level onto itself, and two levels never swap order.
 */
export function remapLevel(level: number, fromSize: number, toSize: number): number {
  if (fromSize === toSize) return level;
  const steps = fromSize - 1;
  const mapped = 1 + Math.floor((2 * (level - 1) * (toSize - 1) + steps) / (2 * steps));
  return Math.min(toSize, Math.max(1, mapped));
}

/** The highest rating a role may accept under the method, or null when it may accept none. */
export function acceptanceLimit(method: Pick<RiskMethodBody, "acceptanceByRole">, role: Role): RiskRating | null {
  return method.acceptanceByRole[role] ?? null;
}

/** Whether a member of `role` may accept a risk rated `rating`. */
export function mayAcceptRating(
  method: Pick<RiskMethodBody, "acceptanceByRole">,
  role: Role,
  rating: RiskRating,
): boolean {
  const limit = acceptanceLimit(method, role);
  return limit !== null && ratingAtMost(rating, limit);
}

/** Five levels a reader can tell apart, lowest first. */
const defaultLikelihood = [
  { label: "Rare", description: "Not expected to happen; would need an unusual combination of events." },
  { label: "Unlikely", description: "Could happen, but there is no sign it will in the next year." },
  { label: "Possible", description: "Might well happen within a year; has happened elsewhere." },
  { label: "Likely", description: "Expected to happen within a year." },
  { label: "Almost certain", description: "Happening already, or expected within weeks." },
];
const defaultImpact = [
  { label: "Negligible", description: "Barely noticed; no lasting effect on people or the organisation." },
  { label: "Minor", description: "Small, quickly corrected harm or cost; few people affected." },
  { label: "Moderate", description: "Noticeable harm to some people, or cost and effort to put right." },
  { label: "Major", description: "Serious harm to people or rights, regulatory attention, or lasting damage." },
  { label: "Severe", description: "Irreversible harm, harm to many people, or a threat to the organisation." },
];

/** Rating per likelihood row (Rare … Almost certain) and impact column (Negligible … Severe). */
const defaultMatrix: RiskRating[][] = [
  ["low", "low", "low", "medium", "medium"],
  ["low", "low", "medium", "medium", "high"],
  ["low", "medium", "medium", "high", "high"],
  ["medium", "medium", "high", "high", "critical"],
  ["medium", "high", "high", "critical", "critical"],
];

/**
 * The method every new organisation starts with: 5 × 5, low risks acceptable without treatment,
 * compliance managers accept up to medium, admins and owners anything.
 */
export function defaultRiskMethod(): RiskMethodBody {
  return {
    likelihoodLevels: defaultLikelihood.map((level) => ({ ...level })),
    impactLevels: defaultImpact.map((level) => ({ ...level })),
    matrix: defaultMatrix.map((row) => [...row]),
    acceptableWithoutTreatment: "low",
    acceptanceByRole: {
      owner: "critical",
      admin: "critical",
      compliance_manager: "medium",
      contributor: null,
      auditor: null,
      viewer: null,
    },
  };
}
