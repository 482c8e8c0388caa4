/**
 * The Direct Connect BGP failover test as request shapes (pure): `StartBgpFailoverTest` takes the
 * virtual interface's BGP sessions DOWN for a bounded time so a drill can prove traffic moves to the
 * redundant path (the other connection, location or VPN); `StopBgpFailoverTest` brings them back early;
 * `ListVirtualInterfaceTestHistory` shows the test's status. The caller sends them with
 * @aws-sdk/client-direct-connect in the virtual interface's Region.
 */

/** AWS's default test duration (3 hours) and maximum (72 hours), in minutes. */
export const BGP_FAILOVER_TEST_DEFAULT_MINUTES = 180;
export const BGP_FAILOVER_TEST_MAX_MINUTES = 4320;

const VIRTUAL_INTERFACE_ID = /^dxvif-[a-z0-9]{8,}$/;
const BGP_PEER_ID = /^dxpeer-[a-z0-9]{8,}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export interface BgpFailoverTestInput {
  /** Region of the virtual interface (the Direct Connect API endpoint to call). */
  readonly region: string;
  readonly virtualInterfaceId: string;
  /** BGP peers to take DOWN (for example only the IPv4 peer). @default every peer of the interface */
  readonly bgpPeerIds?: readonly string[];
  /** Minutes until AWS restores the sessions by itself, 1-4320. Keep drills short. @default 60 */
  readonly durationMinutes?: number;
}

export interface StartBgpFailoverTestRequest {
  readonly virtualInterfaceId: string;
  readonly bgpPeers?: string[];
  readonly testDurationInMinutes: number;
}

export interface StopBgpFailoverTestRequest {
  readonly virtualInterfaceId: string;
}

export interface ListVirtualInterfaceTestHistoryRequest {
  readonly virtualInterfaceId: string;
  readonly bgpPeers?: string[];
}

export interface BgpFailoverTestPlan {
  readonly region: string;
  readonly start: { readonly operation: "StartBgpFailoverTest"; readonly request: StartBgpFailoverTestRequest };
  readonly status: { readonly operation: "ListVirtualInterfaceTestHistory"; readonly request: ListVirtualInterfaceTestHistoryRequest };
  readonly stop: { readonly operation: "StopBgpFailoverTest"; readonly request: StopBgpFailoverTestRequest };
  /** When AWS ends the test if nobody stops it (ISO 8601), from `startAt`. */
  readonly endsBy: string;
}

export class BgpFailoverTestError extends Error {}

/** The start, status and stop requests for one BGP failover test starting at `startAt`. */
export function bgpFailoverTestPlan(input: BgpFailoverTestInput, startAt: Date): BgpFailoverTestPlan {
  if (!REGION.test(input.region)) throw new BgpFailoverTestError(`region ${JSON.stringify(input.region)} is not an AWS Region code`);
  if (!VIRTUAL_INTERFACE_ID.test(input.virtualInterfaceId)) {
    throw new BgpFailoverTestError(`virtualInterfaceId ${JSON.stringify(input.virtualInterfaceId)} is not a virtual interface id such as 'dxvif-fgq2xl8c'`);
  }
  const peers = input.bgpPeerIds;
  if (peers !== undefined) {
    if (peers.length === 0) throw new BgpFailoverTestError("bgpPeerIds is empty: omit it to test every BGP peer of the interface");
    for (const peer of peers) if (!BGP_PEER_ID.test(peer)) throw new BgpFailoverTestError(`bgpPeerIds has ${JSON.stringify(peer)}, not a BGP peer id such as 'dxpeer-fgq2xl8c'`);
    if (new Set(peers).size !== peers.length) throw new BgpFailoverTestError("bgpPeerIds lists a peer twice");
  }
  const minutes = input.durationMinutes ?? 60;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > BGP_FAILOVER_TEST_MAX_MINUTES) {
    throw new BgpFailoverTestError(`durationMinutes ${minutes} is outside 1-${BGP_FAILOVER_TEST_MAX_MINUTES} (StartBgpFailoverTest's limit, 72 hours)`);
  }
  const peerField = peers !== undefined ? { bgpPeers: [...peers] } : {};
  return {
    region: input.region,
    start: { operation: "StartBgpFailoverTest", request: { virtualInterfaceId: input.virtualInterfaceId, ...peerField, testDurationInMinutes: minutes } },
    status: { operation: "ListVirtualInterfaceTestHistory", request: { virtualInterfaceId: input.virtualInterfaceId, ...peerField } },
    stop: { operation: "StopBgpFailoverTest", request: { virtualInterfaceId: input.virtualInterfaceId } },
    endsBy: new Date(startAt.getTime() + minutes * 60_000).toISOString(),
  };
}
