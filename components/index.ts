export * from "./failover-dns";
