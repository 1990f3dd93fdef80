export * from "./audit/audit-chain.js";
export * from "./audit/canonical-json.js";
export * from "./audit/diff-changes.js";
export * from "./auth/lockout.js";
export * from "./members/member-rules.js";
export * from "./orgs/slug.js";
export * from "./pagination/cursor.js";
export * from "./security/secrets.js";
