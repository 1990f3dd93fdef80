import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

/** Every page below /o/:orgId/documents. */
export default function DocumentsModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
