export * from "./failover-dns";
export * from "./replicated-recordings";
export * from "./connect-region";
export * from "./direct-connect-failover";
export * from "./global-contact-table";
export * from "./regional-database";
export * from "./lambda-auto-scaling";
export * from "./org-guardrails";
