import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ChangeDetailPage from "./change-detail-page";
import ChangeLogPage from "./change-log-page";
import RecordChangePage from "./record-change-page";

/** Every page below /o/:orgId/changes: changes to AI systems and their approval. */
export default function ChangesModule() {
  return (
    <Routes>
      <Route index element={<ChangeLogPage />} />
      <Route path="new" element={<RecordChangePage />} />
      <Route path=":changeId" element={<ChangeDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
