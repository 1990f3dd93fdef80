import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import { ReadinessPage } from "./readiness-page";
import { ReadinessPathPage } from "./readiness-path-page";

/** Every page below /o/:orgId/readiness. */
export default function ReadinessModule() {
  return (
    <Routes>
      <Route index element={<ReadinessPage />} />
      <Route path="path" element={<ReadinessPathPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
