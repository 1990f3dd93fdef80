export * from "./notification-routes.js";
