import * as pulumi from "@pulumi/pulumi";
import { phoneNumberProvider } from "./acgr/phone-number-provider";
import { ArgumentError } from "../argument-error";

/** Arguments of {@link PhoneNumber}. */
export interface PhoneNumberArgs {
  /** ARN of the traffic distribution group the number is claimed into (ClaimPhoneNumber's TargetArn). */
  readonly targetArn: pulumi.Input<string>;
  /** The group's ACGR pair, its own (source) Region first: the flow is associated in both. */
  readonly pair: readonly [string, string];
  /** The source instance's id, the same in both Regions. */
  readonly instanceId: pulumi.Input<string>;
  /** ISO country code of the number, e.g. `US`. */
  readonly countryCode: string;
  /** `DID` or `TOLL_FREE`. */
  readonly type: "DID" | "TOLL_FREE";
  /** Digits the number starts with, country code first (`+1206`). @default any number of the country and type */
  readonly prefix?: string;
  /** Description, set when the number is claimed. @default none */
  readonly description?: string;
  /** The flow that answers the number in both Regions (ACGR keeps its id). */
  readonly contactFlowId: pulumi.Input<string>;
  /** The flow's name, for messages. */
  readonly flowName: string;
  /** Role to assume in the workload account. @default the engine's ambient credentials */
  readonly roleArn?: pulumi.Input<string>;
  /** Connect endpoint override, for the API simulator. @default the public endpoint */
  readonly endpoint?: string;
  /** Seconds to wait for the claim to complete. @default 300 */
  readonly timeoutSeconds?: number;
  /** @default 5 */
  readonly pollSeconds?: number;
}

/**
 * A phone number claimed INTO an ACGR traffic distribution group (found with SearchAvailablePhoneNumbers
 * by country, type and prefix, claimed with the group's ARN as TargetArn), its flow associated in both
 * Regions, so that a failover moves its calls. Destroy releases it.
 */
export class PhoneNumber extends pulumi.dynamic.Resource {
  declare public readonly phoneNumber: pulumi.Output<string>;
  declare public readonly phoneNumberId: pulumi.Output<string>;
  declare public readonly phoneNumberArn: pulumi.Output<string>;

  constructor(name: string, args: PhoneNumberArgs, opts?: pulumi.CustomResourceOptions) {
    if (!/^[A-Z]{2}$/.test(args.countryCode)) throw new ArgumentError("PhoneNumber", "countryCode", args.countryCode, "an ISO 3166 country code such as US");
    if (args.prefix !== undefined && !/^\+?[0-9]{1,11}$/.test(args.prefix)) throw new ArgumentError("PhoneNumber", "prefix", args.prefix, "up to 11 digits, optionally after +");
    super(
      phoneNumberProvider,
      name,
      {
        targetArn: args.targetArn,
        instanceId: args.instanceId,
        homeRegion: args.pair[0],
        replicaRegion: args.pair[1],
        countryCode: args.countryCode,
        type: args.type,
        prefix: args.prefix,
        description: args.description,
        contactFlowId: args.contactFlowId,
        flowName: args.flowName,
        timeoutSeconds: args.timeoutSeconds ?? 300,
        pollSeconds: args.pollSeconds ?? 5,
        connection: { roleArn: args.roleArn, endpoint: args.endpoint },
        phoneNumber: undefined,
        phoneNumberId: undefined,
        phoneNumberArn: undefined,
      },
      opts,
      "acgr",
      "PhoneNumber",
    );
  }
}
