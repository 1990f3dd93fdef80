import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import LicencesPage from "./licences-page";

/** Every page below /o/:orgId/licences: licence findings and the licence policy. */
export default function LicencesModule() {
  return (
    <Routes>
      <Route index element={<LicencesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
