/** The Lambda handlers as the library uses them: the esbuild bundler and the CRM request kinds. */
export { FAILOVER_HANDLER_ENTRY, PEER_PROBE_HANDLER_ENTRY, bundleHandler } from "./bundle";
export type { CrmKind } from "./crm/crm-requests";
