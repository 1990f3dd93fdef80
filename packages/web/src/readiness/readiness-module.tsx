import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

/** Every page below /o/:orgId/readiness. */
export default function ReadinessModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
