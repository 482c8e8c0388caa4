import type * as pulumi from "@pulumi/pulumi";
import { connectClient, type ConnectConnection } from "./connection";
import { associateFlowInRegions, disassociateFlowInRegions, findNumber, type ClaimedNumber } from "./phone-numbers";

type Sdk = typeof import("@aws-sdk/client-connect");
// Required lazily: the provider runs serialized inside the engine's dynamic provider host.
const sdk = (): Sdk => require("@aws-sdk/client-connect") as Sdk;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GROUP_ARN = /^arn:aws[a-z-]*:connect:([a-z0-9-]+):\d{12}:traffic-distribution-group\/[0-9a-f-]{36}$/;

/** What both number providers share: the group, its Regions, the instance and the answering flow. */
interface GroupNumberInputs {
  /** The source instance's id (the same in both Regions). */
  readonly instanceId: string;
  /** The group's Region (the source Region) and the replica Region. */
  readonly homeRegion: string;
  readonly replicaRegion: string;
  /** The flow that answers the number in both Regions (ACGR keeps its id). */
  readonly contactFlowId: string;
  /** The flow's name, for messages. */
  readonly flowName: string;
  readonly connection: ConnectConnection;
}

/** Plain inputs of a number claimed into a group. */
export interface PhoneNumberInputs extends GroupNumberInputs {
  /** The group's ARN: the number is claimed with it as TargetArn. */
  readonly targetArn: string;
  readonly countryCode: string;
  readonly type: string;
  /** Digits the number starts with (country code first). @default any */
  readonly prefix?: string;
  /** Set at claim time only. */
  readonly description?: string;
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
}

export interface PhoneNumberOutputs extends PhoneNumberInputs, ClaimedNumber {}

/** Plain inputs of the flow associations of a number moved into a group (the group moves it). */
export interface PhoneNumberFlowsInputs extends GroupNumberInputs {
  readonly trafficDistributionGroupArn: string;
  /** The moved number: E.164 or ARN. */
  readonly phoneNumber: string;
}

export interface PhoneNumberFlowsOutputs extends PhoneNumberFlowsInputs, ClaimedNumber {}

function commonFailures(inputs: GroupNumberInputs & { readonly groupArn: string }, groupKey: string): pulumi.dynamic.CheckFailure[] {
  const failures: pulumi.dynamic.CheckFailure[] = [];
  if (!GROUP_ARN.test(inputs.groupArn)) failures.push({ property: groupKey, reason: `found ${JSON.stringify(inputs.groupArn)}; a traffic distribution group ARN` });
  if (!UUID.test(inputs.contactFlowId)) {
    failures.push({ property: "contactFlowId", reason: `no flow named ${JSON.stringify(inputs.flowName)} among the primary stack's flows (connectFlowIds); name one of its connect.flows` });
  }
  if (inputs.homeRegion === inputs.replicaRegion) failures.push({ property: "replicaRegion", reason: `found ${inputs.replicaRegion}; the other Region of the group's pair` });
  return failures;
}

const regionsOf = (inputs: GroupNumberInputs) => ({ home: inputs.homeRegion, other: inputs.replicaRegion });

async function waitClaimed(client: import("@aws-sdk/client-connect").ConnectClient, number: ClaimedNumber, inputs: PhoneNumberInputs): Promise<void> {
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  for (;;) {
    const status = (await client.send(new (sdk().DescribePhoneNumberCommand)({ PhoneNumberId: number.phoneNumberId }))).ClaimedPhoneNumberSummary?.PhoneNumberStatus;
    if (status?.Status === "CLAIMED") return;
    if (status?.Status === "FAILED") throw new Error(`claiming ${number.phoneNumber} failed: ${status.Message ?? "no reason given"}`);
    if (Date.now() >= deadline) throw new Error(`${number.phoneNumber} is still ${status?.Status ?? "unknown"} after ${inputs.timeoutSeconds} s`);
    await new Promise((r) => setTimeout(r, inputs.pollSeconds * 1000));
  }
}

/**
 * Dynamic provider of a phone number claimed INTO a traffic distribution group: finds a free number by
 * country, type and prefix (SearchAvailablePhoneNumbers), claims it with the group's ARN as TargetArn
 * in the group's Region, waits until CLAIMED, and associates its flow in both Regions. A changed flow is
 * re-associated in place; another country, type or prefix claims a new number before releasing the old
 * one. Destroy releases the number (ReleasePhoneNumber; AWS keeps a released number from everyone for
 * up to 180 days).
 */
export const phoneNumberProvider = {
  async check(_olds: PhoneNumberInputs, news: PhoneNumberInputs): Promise<pulumi.dynamic.CheckResult<PhoneNumberInputs>> {
    return { inputs: news, failures: commonFailures({ ...news, groupArn: news.targetArn }, "targetArn") };
  },

  async diff(_id: string, olds: PhoneNumberOutputs, news: PhoneNumberInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (["targetArn", "countryCode", "type", "prefix", "instanceId", "homeRegion", "replicaRegion"] as const).filter((k) => olds[k] !== news[k]);
    const updates = olds.contactFlowId !== news.contactFlowId;
    // Claim the new number first: the group never goes without one.
    return { changes: replaces.length > 0 || updates, replaces: [...replaces], deleteBeforeReplace: false };
  },

  async create(inputs: PhoneNumberInputs): Promise<pulumi.dynamic.CreateResult<PhoneNumberOutputs>> {
    const client = await connectClient(inputs.connection, inputs.homeRegion);
    try {
      const found = await client.send(
        new (sdk().SearchAvailablePhoneNumbersCommand)({
          TargetArn: inputs.targetArn,
          PhoneNumberCountryCode: inputs.countryCode as import("@aws-sdk/client-connect").PhoneNumberCountryCode,
          PhoneNumberType: inputs.type as import("@aws-sdk/client-connect").PhoneNumberType,
          ...(inputs.prefix ? { PhoneNumberPrefix: inputs.prefix } : {}),
          MaxResults: 10,
        }),
      );
      const candidate = found.AvailableNumbersList?.[0]?.PhoneNumber;
      if (!candidate) throw new Error(`no ${inputs.countryCode} ${inputs.type} number${inputs.prefix ? ` starting with ${inputs.prefix}` : ""} is available to claim`);
      const claimed = await client.send(
        new (sdk().ClaimPhoneNumberCommand)({ TargetArn: inputs.targetArn, PhoneNumber: candidate, ...(inputs.description ? { PhoneNumberDescription: inputs.description } : {}) }),
      );
      const number: ClaimedNumber = { phoneNumberId: claimed.PhoneNumberId!, phoneNumberArn: claimed.PhoneNumberArn!, phoneNumber: candidate };
      await waitClaimed(client, number, inputs);
      await associateFlowInRegions(inputs.connection, number, inputs.instanceId, inputs.contactFlowId, regionsOf(inputs));
      return { id: number.phoneNumberArn, outs: { ...inputs, ...number } };
    } finally {
      client.destroy();
    }
  },

  async read(id: string, props: PhoneNumberOutputs): Promise<pulumi.dynamic.ReadResult<PhoneNumberOutputs>> {
    const client = await connectClient(props.connection, props.homeRegion);
    try {
      const number = await findNumber(client, props.targetArn, id);
      return number ? { id, props: { ...props, ...number } } : {};
    } catch (error) {
      if ((error as Error).name === "ResourceNotFoundException") return {};
      throw error;
    } finally {
      client.destroy();
    }
  },

  async update(_id: string, olds: PhoneNumberOutputs, news: PhoneNumberInputs): Promise<pulumi.dynamic.UpdateResult<PhoneNumberOutputs>> {
    const number: ClaimedNumber = { phoneNumberId: olds.phoneNumberId, phoneNumberArn: olds.phoneNumberArn, phoneNumber: olds.phoneNumber };
    await associateFlowInRegions(news.connection, number, news.instanceId, news.contactFlowId, regionsOf(news));
    return { outs: { ...news, ...number } };
  },

  async delete(id: string, props: PhoneNumberOutputs): Promise<void> {
    const client = await connectClient(props.connection, props.homeRegion);
    try {
      await client.send(new (sdk().ReleasePhoneNumberCommand)({ PhoneNumberId: id }));
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    } finally {
      client.destroy();
    }
  },
};

/**
 * Dynamic provider of the flow associations of a number MOVED into a group (the group's provider moves
 * it with UpdatePhoneNumber, which leaves it without flows): finds the number in the group and
 * associates its flow in both Regions. Destroy removes the associations; the number stays claimed.
 */
export const phoneNumberFlowsProvider = {
  async check(_olds: PhoneNumberFlowsInputs, news: PhoneNumberFlowsInputs): Promise<pulumi.dynamic.CheckResult<PhoneNumberFlowsInputs>> {
    const failures = commonFailures({ ...news, groupArn: news.trafficDistributionGroupArn }, "trafficDistributionGroupArn");
    if (!/^\+[1-9]\d{1,14}$/.test(news.phoneNumber) && !news.phoneNumber.startsWith("arn:")) {
      failures.push({ property: "phoneNumber", reason: `found ${JSON.stringify(news.phoneNumber)}; an E.164 number or a phone number ARN` });
    }
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: PhoneNumberFlowsOutputs, news: PhoneNumberFlowsInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (["trafficDistributionGroupArn", "phoneNumber", "instanceId", "homeRegion", "replicaRegion"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0 || olds.contactFlowId !== news.contactFlowId, replaces: [...replaces], deleteBeforeReplace: true };
  },

  async create(inputs: PhoneNumberFlowsInputs): Promise<pulumi.dynamic.CreateResult<PhoneNumberFlowsOutputs>> {
    const client = await connectClient(inputs.connection, inputs.homeRegion);
    let number: ClaimedNumber | undefined;
    try {
      number = await findNumber(client, inputs.trafficDistributionGroupArn, inputs.phoneNumber);
    } finally {
      client.destroy();
    }
    if (!number) throw new Error(`${inputs.phoneNumber} is not in the traffic distribution group ${inputs.trafficDistributionGroupArn}; is it claimed in ${inputs.homeRegion} and listed in the group's phoneNumberIds?`);
    await associateFlowInRegions(inputs.connection, number, inputs.instanceId, inputs.contactFlowId, regionsOf(inputs));
    return { id: `${number.phoneNumberArn}/flows`, outs: { ...inputs, ...number } };
  },

  async update(_id: string, olds: PhoneNumberFlowsOutputs, news: PhoneNumberFlowsInputs): Promise<pulumi.dynamic.UpdateResult<PhoneNumberFlowsOutputs>> {
    const number: ClaimedNumber = { phoneNumberId: olds.phoneNumberId, phoneNumberArn: olds.phoneNumberArn, phoneNumber: olds.phoneNumber };
    await associateFlowInRegions(news.connection, number, news.instanceId, news.contactFlowId, regionsOf(news));
    return { outs: { ...news, ...number } };
  },

  async delete(_id: string, props: PhoneNumberFlowsOutputs): Promise<void> {
    await disassociateFlowInRegions(props.connection, props, props.instanceId, regionsOf(props));
  },
};
