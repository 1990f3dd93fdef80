import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

const SystemsPage = lazy(() => import("./systems-page"));
const RegisterSystemPage = lazy(() => import("./register-system-page"));
const ImportSystemsPage = lazy(() => import("./import-systems-page"));
const SystemDetailPage = lazy(() => import("./system-detail-page"));
const AssetsPage = lazy(() => import("./assets-page"));
const NewAssetPage = lazy(() => import("./new-asset-page"));
const AssetDetailPage = lazy(() => import("./asset-detail-page"));
const VendorsPage = lazy(() => import("./vendors-page"));
const NewVendorPage = lazy(() => import("./new-vendor-page"));
const VendorDetailPage = lazy(() => import("./vendor-detail-page"));

/** Every page below /o/:orgId/inventory: AI systems, their assets, and vendors. */
export default function InventoryModule() {
  return (
    <Routes>
      <Route index element={<Navigate to="systems" replace />} />
      <Route path="systems" element={<SystemsPage />} />
      <Route path="systems/new" element={<RegisterSystemPage />} />
      <Route path="systems/import" element={<ImportSystemsPage />} />
      <Route path="systems/:systemId" element={<SystemDetailPage />} />
      <Route path="assets" element={<AssetsPage />} />
      <Route path="assets/new" element={<NewAssetPage />} />
      <Route path="assets/:assetId" element={<AssetDetailPage />} />
      <Route path="vendors" element={<VendorsPage />} />
      <Route path="vendors/new" element={<NewVendorPage />} />
      <Route path="vendors/:vendorId" element={<VendorDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
