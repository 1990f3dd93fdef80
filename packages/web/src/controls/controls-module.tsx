import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ControlDetailPage from "./control-detail-page";
import ControlsListPage from "./controls-list-page";
import CreateControlPage from "./create-control-page";
import SoaPage from "./soa/soa-page";

/** Every page below /o/:orgId/controls. */
export default function ControlsModule() {
  return (
    <Routes>
      <Route index element={<ControlsListPage />} />
      <Route path="new" element={<CreateControlPage />} />
      <Route path="soa" element={<SoaPage />} />
      <Route path=":controlId" element={<ControlDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
