import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

/** Every page below /o/:orgId/catalogue. */
export default function CatalogueModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
