/**
 * The table of implemented operations: every family's handlers merged. An operation the SDK knows
 * but the table lacks is answered as not implemented.
 */
import type { HandlerTable } from "./context";
import { flowHandlers } from "./flows";
import { hoursHandlers } from "./hours";
import { instanceHandlers } from "./instances";
import { queueHandlers } from "./queues";

/** All operation handlers, keyed by operation name. */
export const HANDLERS: HandlerTable = {
  ...instanceHandlers,
  ...hoursHandlers,
  ...queueHandlers,
  ...flowHandlers,
};
