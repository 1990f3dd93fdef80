import { lazy } from "react";

/** The chart components, each loading the charts chunk on first use. */
export const PercentBars = lazy(() => import("./home-charts").then((m) => ({ default: m.PercentBars })));
export const CountBars = lazy(() => import("./home-charts").then((m) => ({ default: m.CountBars })));
export const PercentLine = lazy(() => import("./home-charts").then((m) => ({ default: m.PercentLine })));
