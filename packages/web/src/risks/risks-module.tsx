import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

/** Every page below /o/:orgId/risks. */
export default function RisksModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
