import type { ConnectClient } from "@aws-sdk/client-connect";
import { connectClient, type ConnectConnection } from "./connection";

type Sdk = typeof import("@aws-sdk/client-connect");
// Required lazily: these functions also run serialized inside the engine's dynamic provider host.
const sdk = (): Sdk => require("@aws-sdk/client-connect") as Sdk;

/** A claimed number as the providers track it. */
export interface ClaimedNumber {
  readonly phoneNumberId: string;
  readonly phoneNumberArn: string;
  readonly phoneNumber: string;
}

/**
 * The number an entry moves into the group, as UpdatePhoneNumber and the flow associations need it:
 * an ARN is used as is; an E.164 number is looked up with ListPhoneNumbersV2 (by prefix, exact match)
 * among the numbers of `targetArn` (the instance before the move, the group after it).
 */
export async function findNumber(client: ConnectClient, targetArn: string, idArnOrE164: string): Promise<ClaimedNumber | undefined> {
  if (idArnOrE164.startsWith("arn:")) {
    const out = await client.send(new (sdk().DescribePhoneNumberCommand)({ PhoneNumberId: idArnOrE164 }));
    const n = out.ClaimedPhoneNumberSummary;
    return n ? { phoneNumberId: n.PhoneNumberId!, phoneNumberArn: n.PhoneNumberArn!, phoneNumber: n.PhoneNumber! } : undefined;
  }
  if (!idArnOrE164.startsWith("+")) return { phoneNumberId: idArnOrE164, phoneNumberArn: "", phoneNumber: "" };
  let NextToken: string | undefined;
  do {
    const page = await client.send(new (sdk().ListPhoneNumbersV2Command)({ TargetArn: targetArn, PhoneNumberPrefix: idArnOrE164, NextToken }));
    const found = page.ListPhoneNumbersSummaryList?.find((n) => n.PhoneNumber === idArnOrE164);
    if (found) return { phoneNumberId: found.PhoneNumberId!, phoneNumberArn: found.PhoneNumberArn!, phoneNumber: found.PhoneNumber! };
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

/**
 * Associates `contactFlowId` with a number of the group in each Region: by the number's id in the
 * group's own Region, by its ARN in the other one ("if the number is claimed to a traffic distribution
 * group and you are calling this API using an instance in the alternate Region, you must provide a
 * full phone number ARN"). ACGR keeps the flow's id in both Regions.
 */
export async function associateFlowInRegions(
  connection: ConnectConnection,
  number: ClaimedNumber,
  instanceId: string,
  contactFlowId: string,
  regions: { readonly home: string; readonly other: string },
): Promise<void> {
  for (const [region, phoneNumberId] of [[regions.home, number.phoneNumberId], [regions.other, number.phoneNumberArn]] as const) {
    const client = await connectClient(connection, region);
    try {
      await client.send(new (sdk().AssociatePhoneNumberContactFlowCommand)({ PhoneNumberId: phoneNumberId, InstanceId: instanceId, ContactFlowId: contactFlowId }));
    } finally {
      client.destroy();
    }
  }
}

/** Removes the number's flow association in both Regions; a number or association already gone is fine. */
export async function disassociateFlowInRegions(connection: ConnectConnection, number: ClaimedNumber, instanceId: string, regions: { readonly home: string; readonly other: string }): Promise<void> {
  for (const [region, phoneNumberId] of [[regions.home, number.phoneNumberId], [regions.other, number.phoneNumberArn]] as const) {
    const client = await connectClient(connection, region);
    try {
      await client.send(new (sdk().DisassociatePhoneNumberContactFlowCommand)({ PhoneNumberId: phoneNumberId, InstanceId: instanceId }));
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    } finally {
      client.destroy();
    }
  }
}
