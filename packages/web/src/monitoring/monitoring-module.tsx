import { lazy } from "react";
import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import AlertDetailPage from "./alert-detail-page";
import AlertsPage from "./alerts-page";
import MetricFormPage from "./metric-form-page";
import MetricPage from "./metric-page";
import MonitoringOverviewPage from "./overview-page";

const TelemetryPage = lazy(() => import("../telemetry/telemetry-page"));
const SystemTelemetryPage = lazy(() => import("../telemetry/system-telemetry-page"));

/** Every page below /o/:orgId/monitoring: metrics, their charts and alerts, and runtime telemetry. */
export default function MonitoringModule() {
  return (
    <Routes>
      <Route index element={<MonitoringOverviewPage />} />
      <Route path="alerts" element={<AlertsPage />} />
      <Route path="alerts/:alertId" element={<AlertDetailPage />} />
      <Route path="metrics/new" element={<MetricFormPage />} />
      <Route path="metrics/:metricId" element={<MetricPage />} />
      <Route path="metrics/:metricId/edit" element={<MetricFormPage />} />
      <Route path="telemetry" element={<TelemetryPage />} />
      <Route path="telemetry/:systemId" element={<SystemTelemetryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
