import type { ConnectClient } from "@aws-sdk/client-connect";

/**
 * How the ACGR dynamic providers reach Amazon Connect. Dynamic providers run inside the Pulumi engine's
 * process with the operator's ambient credentials, not through an `aws.Provider`, so the workload
 * account's deployer role is assumed explicitly.
 */
export interface ConnectConnection {
  /** Role to assume in the contact-centre workload account. @default ambient credentials */
  readonly roleArn?: string;
  /** Endpoint override (the Connect API simulator in tests). @default the public endpoint */
  readonly endpoint?: string;
}

/** A Connect client in `region` over `connection`, with adaptive retry for the 2 rps quotas. */
export async function connectClient(connection: ConnectConnection, region: string): Promise<ConnectClient> {
  // Required lazily: these functions run again, serialized, inside the engine's dynamic provider host.
  const { ConnectClient } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
  let credentials;
  if (connection.roleArn) {
    const { STSClient, AssumeRoleCommand } = require("@aws-sdk/client-sts") as typeof import("@aws-sdk/client-sts");
    const sts = new STSClient({ region });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: connection.roleArn, RoleSessionName: "connect-dr-acgr" }));
    sts.destroy();
    const c = assumed.Credentials!;
    credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration };
  }
  return new ConnectClient({ region, endpoint: connection.endpoint, credentials, retryMode: "adaptive", maxAttempts: 8 });
}
