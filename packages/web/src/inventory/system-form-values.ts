import type {
  AiSystem,
  AutonomyLevel,
  CreateSystemRequest,
  DataCategory,
  HighImpactReason,
  ImpactTier,
  LifecycleStage,
  SystemCapability,
  SystemRole,
} from "@openaims/contracts";

/** What the system form holds while a person edits it. */
export interface SystemFormValues {
  name: string;
  slug: string;
  description: string;
  purpose: string;
  intendedUse: string;
  limitations: string;
  ourRole: SystemRole | null;
  lifecycleStage: LifecycleStage;
  impactTier: ImpactTier | null;
  highImpactReasons: HighImpactReason[];
  dataCategories: DataCategory[];
  capabilities: SystemCapability[];
  autonomy: AutonomyLevel | null;
  humanOversight: string;
  customerFacing: boolean;
  ownerId: string | null;
  /** 'YYYY-MM-DD' or empty. */
  reviewDate: string;
}

/** Sets one field of the form. */
export type SetSystemField = <K extends keyof SystemFormValues>(key: K, value: SystemFormValues[K]) => void;

export const emptySystemForm: SystemFormValues = {
  name: "",
  slug: "",
  description: "",
  purpose: "",
  intendedUse: "",
  limitations: "",
  ourRole: null,
  lifecycleStage: "planned",
  impactTier: null,
  highImpactReasons: [],
  dataCategories: [],
  capabilities: [],
  autonomy: null,
  humanOversight: "",
  customerFacing: false,
  ownerId: null,
  reviewDate: "",
};

export function systemFormOf(system: AiSystem): SystemFormValues {
  return {
    name: system.name,
    slug: system.slug,
    description: system.description,
    purpose: system.purpose,
    intendedUse: system.intendedUse,
    limitations: system.limitations,
    ourRole: system.ourRole,
    lifecycleStage: system.lifecycleStage,
    impactTier: system.impactTier,
    highImpactReasons: system.highImpactReasons,
    dataCategories: system.dataCategories,
    capabilities: system.capabilities,
    autonomy: system.autonomy,
    humanOversight: system.humanOversight,
    customerFacing: system.customerFacing,
    ownerId: system.owner?.id ?? null,
    reviewDate: system.reviewDate ?? "",
  };
}

/** The form as a request body; unset choices stay undefined so validation names them. */
export function systemRequestOf(values: SystemFormValues): Partial<CreateSystemRequest> {
  return {
    ...values,
    slug: values.slug.trim() || undefined,
    ourRole: values.ourRole ?? undefined,
    impactTier: values.impactTier ?? undefined,
    autonomy: values.autonomy ?? undefined,
    highImpactReasons: values.impactTier === "high" ? values.highImpactReasons : [],
    reviewDate: values.reviewDate || null,
  };
}
