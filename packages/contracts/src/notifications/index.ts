export * from "./calendar-feed-schemas.js";
export * from "./my-work-schemas.js";
export * from "./notification-routes.js";
export * from "./notification-schemas.js";
export * from "./webhook-schemas.js";
