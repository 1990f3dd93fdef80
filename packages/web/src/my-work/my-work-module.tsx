import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import MyWorkPage from "./my-work-page";

/** Every page below /o/:orgId/my-work: everything waiting on the signed-in member, and their notifications. */
export default function MyWorkModule() {
  return (
    <Routes>
      <Route index element={<MyWorkPage tab="work" />} />
      <Route path="notifications" element={<MyWorkPage tab="notifications" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
