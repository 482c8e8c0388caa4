/**
 * The table of implemented operations: every family's handlers merged. An operation the SDK knows
 * but the table lacks is answered as not implemented (HTTP 501).
 */
import { agentStatusHandlers } from "./agent-statuses";
import { botHandlers } from "./bots";
import { contactHandlers } from "./contacts";
import type { HandlerTable } from "./context";
import { flowHandlers } from "./flows";
import { globalResiliencyHandlers } from "./global-resiliency";
import { hierarchyHandlers } from "./hierarchy";
import { hoursHandlers } from "./hours";
import { instanceHandlers } from "./instances";
import { integrationHandlers } from "./integrations";
import { metricsHandlers } from "./metrics";
import { phoneNumberHandlers } from "./phone-numbers";
import { promptHandlers } from "./prompts";
import { queueHandlers } from "./queues";
import { quickConnectHandlers } from "./quick-connects";
import { routingProfileHandlers } from "./routing-profiles";
import { searchHandlers } from "./search";
import { securityProfileHandlers } from "./security-profiles";
import { storageConfigHandlers } from "./storage-configs";
import { tagHandlers } from "./tags";
import { userHandlers } from "./users";

/** All operation handlers, keyed by operation name. */
export const HANDLERS: HandlerTable = {
  ...instanceHandlers,
  ...storageConfigHandlers,
  ...integrationHandlers,
  ...botHandlers,
  ...hoursHandlers,
  ...queueHandlers,
  ...routingProfileHandlers,
  ...flowHandlers,
  ...promptHandlers,
  ...quickConnectHandlers,
  ...securityProfileHandlers,
  ...hierarchyHandlers,
  ...agentStatusHandlers,
  ...userHandlers,
  ...tagHandlers,
  ...phoneNumberHandlers,
  ...globalResiliencyHandlers,
  ...contactHandlers,
  ...metricsHandlers,
  ...searchHandlers,
};
