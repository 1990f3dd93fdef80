import type { inventoryRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { archiveAsset, createAsset, getAsset, listAssets, updateAsset } from "./asset-handlers.js";
import { linkSystemAsset, listSystemAssets, unlinkSystemAsset } from "./asset-link-handlers.js";
import { exportAssets, exportVendors } from "./export-registers.js";
import { exportSystems } from "./export-systems.js";
import { importAssets, importVendors } from "./import-registers.js";
import { importSystems } from "./import-systems.js";
import { archiveSystem, createSystem, getSystem, listSystems, updateSystem } from "./system-handlers.js";
import { archiveVendor, createVendor, getVendor, listVendors, updateVendor } from "./vendor-handlers.js";

export { moveSystemStage } from "./move-system-stage.js";
export { findSystem, type SystemRow } from "./system-queries.js";

/** Handlers of the inventory routes. */
export const inventoryHandlers: DomainHandlers<typeof inventoryRoutes> = {
  listSystems,
  createSystem,
  exportSystems,
  importSystems,
  getSystem,
  updateSystem,
  archiveSystem,
  listSystemAssets,
  linkSystemAsset,
  unlinkSystemAsset,
  listAssets,
  createAsset,
  exportAssets,
  importAssets,
  getAsset,
  updateAsset,
  archiveAsset,
  listVendors,
  createVendor,
  exportVendors,
  importVendors,
  getVendor,
  updateVendor,
  archiveVendor,
};
