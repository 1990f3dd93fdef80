import type { CreateVendorRequest, Vendor, VendorConnector } from "@openaims/contracts";

/** What the vendor form holds while a person edits it. */
export interface VendorFormValues {
  name: string;
  website: string;
  services: string;
  aiFeaturesOnByDefault: "yes" | "no" | "unknown";
  dataRetention: string;
  trainsOnCustomerData: "yes" | "no" | "opt_out" | "unknown";
  connectors: VendorConnector[];
  certifications: string[];
  /** 'YYYY-MM-DD' or empty. */
  lastReviewDate: string;
  nextReviewDate: string;
  reviewNotes: string;
}

export type SetVendorField = <K extends keyof VendorFormValues>(key: K, value: VendorFormValues[K]) => void;

export const emptyVendorForm: VendorFormValues = {
  name: "",
  website: "",
  services: "",
  aiFeaturesOnByDefault: "unknown",
  dataRetention: "",
  trainsOnCustomerData: "unknown",
  connectors: [],
  certifications: [],
  lastReviewDate: "",
  nextReviewDate: "",
  reviewNotes: "",
};

export function vendorFormOf(vendor: Vendor): VendorFormValues {
  return {
    name: vendor.name,
    website: vendor.website,
    services: vendor.services,
    aiFeaturesOnByDefault: vendor.aiFeaturesOnByDefault,
    dataRetention: vendor.dataRetention,
    trainsOnCustomerData: vendor.trainsOnCustomerData,
    connectors: vendor.connectors,
    certifications: vendor.certifications,
    lastReviewDate: vendor.lastReviewDate ?? "",
    nextReviewDate: vendor.nextReviewDate ?? "",
    reviewNotes: vendor.reviewNotes,
  };
}

export function vendorRequestOf(values: VendorFormValues): CreateVendorRequest {
  return {
    ...values,
    connectors: values.connectors.filter((c) => c.name.trim() !== "" || c.permissions.trim() !== ""),
    lastReviewDate: values.lastReviewDate || null,
    nextReviewDate: values.nextReviewDate || null,
  };
}
