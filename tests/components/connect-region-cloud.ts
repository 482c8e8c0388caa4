import * as pulumi from "@pulumi/pulumi";
import { MockCloud, MockCloudOptions } from "../../synthesis/mock-cloud";

/**
 * Ids the AWS provider computes for Connect resources (`queueId`, `hoursOfOperationId`, ...). The
 * real provider returns them as attributes separate from the composite `instanceId:resourceId`
 * resource id; MockCloud echoes inputs only, so without these every cross-reference would be
 * undefined and the wiring between hours, queues and routing profiles could not be asserted.
 */
const CONNECT_COMPUTED_IDS: Readonly<Record<string, string>> = {
  "aws:connect/hoursOfOperation:HoursOfOperation": "hoursOfOperationId",
  "aws:connect/queue:Queue": "queueId",
  "aws:connect/routingProfile:RoutingProfile": "routingProfileId",
  "aws:connect/contactFlow:ContactFlow": "contactFlowId",
};

/** The computed id the mock gives a Connect child with this logical name. */
export function computedId(logicalName: string): string {
  return `${logicalName}-computed-id`;
}

type MockHooks = {
  newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> };
  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown>;
};

/**
 * Installs a MockCloud whose Connect resources also carry the ids the AWS provider computes; every
 * resource is still recorded by MockCloud itself.
 */
export function installConnectCloud(options: MockCloudOptions = {}): MockCloud {
  const cloud = new MockCloud(options).install();
  const hooks = cloud as unknown as MockHooks;
  if (typeof hooks.newResource !== "function" || typeof hooks.call !== "function") {
    throw new Error("MockCloud no longer exposes newResource/call; update tests/components/connect-region-cloud.ts");
  }
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const result = hooks.newResource.call(cloud, args);
        const attribute = CONNECT_COMPUTED_IDS[args.type];
        return attribute ? { id: result.id, state: { ...result.state, [attribute]: computedId(args.name) } } : result;
      },
      call: (args) => hooks.call.call(cloud, args),
    },
    options.project ?? "connect-dr",
    options.stack ?? "test",
    options.preview ?? false,
  );
  return cloud;
}
