import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import DocumentListPage from "./document-list-page";
import DocumentPage from "./document-page";
import NewDocumentPage from "./new-document-page";
import ResponsibilitiesPage from "./responsibilities-page";
import ScopePage from "./scope-page";

/** Every page below /o/:orgId/documents: documents, the AIMS scope and the responsibilities matrix. */
export default function DocumentsModule() {
  return (
    <Routes>
      <Route index element={<DocumentListPage />} />
      <Route path="new" element={<NewDocumentPage />} />
      <Route path="scope" element={<ScopePage />} />
      <Route path="responsibilities" element={<ResponsibilitiesPage />} />
      <Route path=":documentId" element={<DocumentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
