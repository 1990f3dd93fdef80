import { z } from "zod";
import { idSchema, nameSchema, timestampSchema, versionSchema } from "../common.js";
import {
  archivedFilterSchema,
  calendarDateSchema,
  longTextSchema,
  recordStatusSchema,
  shortTextSchema,
} from "./inventory-fields.js";
import { oneOfMessage } from "./system-attributes.js";

export const yesNoUnknown = ["yes", "no", "unknown"] as const;
export const yesNoUnknownSchema = z.enum(yesNoUnknown, { message: oneOfMessage(yesNoUnknown) });

/** Whether a vendor trains its models on the organisation's data; `opt_out` = yes unless switched off. */
export const customerDataTrainingOptions = ["yes", "no", "opt_out", "unknown"] as const;
export const customerDataTrainingSchema = z.enum(customerDataTrainingOptions, {
  message: oneOfMessage(customerDataTrainingOptions),
});

/** A connection the vendor's AI has into the organisation's systems, and what it may do there. */
export const vendorConnectorSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  permissions: z.string().trim().max(1000),
});
export type VendorConnector = z.infer<typeof vendorConnectorSchema>;

const websiteSchema = shortTextSchema.refine(
  (value) => value === "" || /^https?:\/\/[^\s/]+\S*$/i.test(value),
  "must be a web address starting with http:// or https://",
);

const vendorFields = {
  name: nameSchema,
  website: websiteSchema,
  /** What the organisation buys or uses from the vendor. */
  services: longTextSchema,
  /** Whether the vendor's AI features are switched on without anyone opting in. */
  aiFeaturesOnByDefault: yesNoUnknownSchema,
  /** How long the vendor keeps the organisation's data (prompts, outputs, files). */
  dataRetention: z.string().trim().max(2000),
  trainsOnCustomerData: customerDataTrainingSchema,
  connectors: z.array(vendorConnectorSchema).max(50),
  /** e.g. "ISO/IEC 42001", "SOC 2 Type II". */
  certifications: z.array(z.string().trim().min(1, "must not be empty").max(200)).max(50),
  lastReviewDate: calendarDateSchema.nullable(),
  nextReviewDate: calendarDateSchema.nullable(),
  reviewNotes: longTextSchema,
};

export const createVendorRequestSchema = z.object({
  ...vendorFields,
  website: websiteSchema.default(""),
  services: longTextSchema.default(""),
  aiFeaturesOnByDefault: yesNoUnknownSchema.default("unknown"),
  dataRetention: vendorFields.dataRetention.default(""),
  trainsOnCustomerData: customerDataTrainingSchema.default("unknown"),
  connectors: vendorFields.connectors.default([]),
  certifications: vendorFields.certifications.default([]),
  lastReviewDate: vendorFields.lastReviewDate.default(null),
  nextReviewDate: vendorFields.nextReviewDate.default(null),
  reviewNotes: longTextSchema.default(""),
});
export type CreateVendorRequest = z.input<typeof createVendorRequestSchema>;
export type VendorValues = z.output<typeof createVendorRequestSchema>;

export const updateVendorRequestSchema = z.object(vendorFields).partial().extend({ version: versionSchema });
export type UpdateVendorRequest = z.input<typeof updateVendorRequestSchema>;

export const vendorSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    website: z.string(),
    services: z.string(),
    aiFeaturesOnByDefault: yesNoUnknownSchema,
    dataRetention: z.string(),
    trainsOnCustomerData: customerDataTrainingSchema,
    connectors: z.array(vendorConnectorSchema),
    certifications: z.array(z.string()),
    lastReviewDate: z.string().nullable(),
    nextReviewDate: z.string().nullable(),
    reviewNotes: z.string(),
    /** Assets (vendor services, models …) recorded as coming from this vendor. */
    assetCount: z.number().int(),
    status: recordStatusSchema,
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Vendor" });
export type Vendor = z.infer<typeof vendorSchema>;

export const vendorSorts = ["name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt"] as const;

export const vendorListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  trainsOnCustomerData: customerDataTrainingSchema.optional(),
  archived: archivedFilterSchema.default("false"),
  sort: z.enum(vendorSorts, { message: oneOfMessage(vendorSorts) }).default("name"),
});
