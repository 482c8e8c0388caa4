import * as pulumi from "@pulumi/pulumi";
import { phoneNumberFlowsProvider } from "./acgr/phone-number-provider";

/** Arguments of {@link PhoneNumberFlows}. */
export interface PhoneNumberFlowsArgs {
  /** ARN of the group that moved the number in (its `phoneNumberIds`); the associations follow the move. */
  readonly trafficDistributionGroupArn: pulumi.Input<string>;
  /** The group's ACGR pair, its own (source) Region first. */
  readonly pair: readonly [string, string];
  /** The moved number: E.164 or ARN. */
  readonly phoneNumber: string;
  /** The source instance's id, the same in both Regions. */
  readonly instanceId: pulumi.Input<string>;
  /** The flow that answers the number in both Regions. */
  readonly contactFlowId: pulumi.Input<string>;
  /** The flow's name, for messages. */
  readonly flowName: string;
  /** Role to assume in the workload account. @default the engine's ambient credentials */
  readonly roleArn?: pulumi.Input<string>;
  /** Connect endpoint override, for the API simulator. @default the public endpoint */
  readonly endpoint?: string;
}

/**
 * The flow of an existing number moved into an ACGR traffic distribution group, associated in both
 * Regions (by the number's ARN in the replica Region): moving a number leaves it without flows, and a
 * number without a flow in the Region that takes its calls does not answer.
 */
export class PhoneNumberFlows extends pulumi.dynamic.Resource {
  declare public readonly phoneNumberId: pulumi.Output<string>;
  declare public readonly phoneNumberArn: pulumi.Output<string>;

  constructor(name: string, args: PhoneNumberFlowsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      phoneNumberFlowsProvider,
      name,
      {
        trafficDistributionGroupArn: args.trafficDistributionGroupArn,
        phoneNumber: args.phoneNumber,
        instanceId: args.instanceId,
        homeRegion: args.pair[0],
        replicaRegion: args.pair[1],
        contactFlowId: args.contactFlowId,
        flowName: args.flowName,
        connection: { roleArn: args.roleArn, endpoint: args.endpoint },
        phoneNumberId: undefined,
        phoneNumberArn: undefined,
      },
      opts,
      "acgr",
      "PhoneNumberFlows",
    );
  }
}
