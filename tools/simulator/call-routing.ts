/**
 * Where a call to a claimed number lands: the telephony side of Amazon Connect Global Resiliency that
 * the control-plane API does not show. A number claimed to an instance rings in the instance's Region;
 * a number of a traffic distribution group rings in a Region chosen by the group's telephony
 * distribution. The call is answered only if that Region is up, its instance is ACTIVE and the number
 * has a flow associated THERE (each Region needs its own association); otherwise it fails, as a call
 * sent to a dark Region or to a Region without the number's flow fails for real.
 */
import { parseConnectArn } from "./arns";
import type { PhoneNumberRecord } from "./state/model";
import type { StateStore } from "./state/store";

/** The outcome of one call. */
export interface CallRoute {
  readonly phoneNumber: string;
  /** The Region the distribution sent the call to (absent when the number is unknown). */
  readonly region?: string;
  /** True when a flow in `region` answered. */
  readonly answered: boolean;
  /** The flow that answered. */
  readonly contactFlowId?: string;
  readonly detail: string;
}

export interface CallRoutingOptions {
  /** Regions that answer nothing (an outage). */
  readonly darkRegions: ReadonlySet<string>;
  /** Where in [0, 1) the call falls on the distribution's cumulative percentages. @default 0 */
  readonly draw?: number;
  /** Epoch ms, for instance readiness. */
  readonly now: number;
}

function findNumber(store: StateStore, phoneNumber: string): PhoneNumberRecord | undefined {
  for (const state of store.all()) {
    for (const n of state.phoneNumbers.values()) if (n.phoneNumber === phoneNumber) return n;
  }
  return undefined;
}

/** Routes one call to `phoneNumber` (E.164). Pure over the store: changes nothing. */
export function routeCall(store: StateStore, phoneNumber: string, options: CallRoutingOptions): CallRoute {
  const draw = options.draw ?? 0;
  if (!(draw >= 0 && draw < 1)) throw new RangeError(`draw must be in [0, 1), got ${draw}`);
  const number = findNumber(store, phoneNumber);
  if (!number) return { phoneNumber, answered: false, detail: `${phoneNumber} is not claimed by anyone` };
  const target = parseConnectArn(number.targetArn);
  let instanceId: string;
  let shares: readonly { Region: string; Percentage: number }[];
  if (target?.topType === "traffic-distribution-group") {
    const group = store.region(target.account, target.region).trafficDistributionGroups.get(target.topId);
    if (!group) return { phoneNumber, answered: false, detail: `the traffic distribution group of ${phoneNumber} no longer exists` };
    instanceId = group.instanceId;
    shares = group.telephony;
  } else if (target?.topType === "instance") {
    instanceId = target.topId;
    shares = [{ Region: target.region, Percentage: 100 }];
  } else {
    return { phoneNumber, answered: false, detail: `${phoneNumber} has no target` };
  }
  let cumulative = 0;
  const region = shares.find((s) => (cumulative += s.Percentage / 100) > draw)?.Region;
  if (!region) return { phoneNumber, answered: false, detail: `the distribution of ${phoneNumber} sends calls nowhere` };
  if (options.darkRegions.has(region)) return { phoneNumber, region, answered: false, detail: `${region} is not answering (outage)` };
  const instance = store.region(number.account, region).instances.get(instanceId);
  if (!instance || options.now < instance.readyAt) return { phoneNumber, region, answered: false, detail: `instance ${instanceId} is not ACTIVE in ${region}` };
  const contactFlowId = number.contactFlowIdByRegion[region];
  if (!contactFlowId || !instance.config.flows.has(contactFlowId)) {
    return { phoneNumber, region, answered: false, detail: `${phoneNumber} has no flow associated in ${region}` };
  }
  return { phoneNumber, region, answered: true, contactFlowId, detail: `answered in ${region} by flow ${instance.config.flows.get(contactFlowId)!.name}` };
}
