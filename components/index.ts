export * from "./failover-dns";
export * from "./replicated-recordings";
