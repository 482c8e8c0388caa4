import type { ConnectClient, ConnectClientConfig } from "@aws-sdk/client-connect";

/** A credential provider as the Connect client accepts it. */
type CredentialProvider = Extract<NonNullable<ConnectClientConfig["credentials"]>, (...args: never[]) => unknown>;

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
  /** STS endpoint override for assuming `roleArn` (the simulator in tests). @default STS in the client's Region */
  readonly stsEndpoint?: string;
}

/**
 * Credentials of `roleArn`, assumed afresh on every call. The SDK memoizes a function provider and calls
 * it again when the credentials are within five minutes of their Expiration, so a client keeps working
 * through a wait longer than one role session (the replica wait is up to an hour, a session's default).
 */
function assumedRoleCredentials(connection: ConnectConnection & { roleArn: string }, region: string): CredentialProvider {
  return async () => {
    // Required lazily: these functions run again, serialized, inside the engine's dynamic provider host.
    const { STSClient, AssumeRoleCommand } = require("@aws-sdk/client-sts") as typeof import("@aws-sdk/client-sts");
    const sts = new STSClient({ region, ...(connection.stsEndpoint ? { endpoint: connection.stsEndpoint } : {}) });
    try {
      const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: connection.roleArn, RoleSessionName: "connect-dr-acgr" }));
      const c = assumed.Credentials!;
      return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration };
    } finally {
      sts.destroy();
    }
  };
}

/** A Connect client in `region` over `connection`, with adaptive retry for the 2 rps quotas. */
export function connectClient(connection: ConnectConnection, region: string): ConnectClient {
  const { ConnectClient } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
  const credentials = connection.roleArn ? assumedRoleCredentials({ ...connection, roleArn: connection.roleArn }, region) : undefined;
  return new ConnectClient({ region, endpoint: connection.endpoint, credentials, retryMode: "adaptive", maxAttempts: 8 });
}

/**
 * A Connect client in one Region that outlives its credentials: when the service answers
 * `ExpiredTokenException` (the session ended sooner than its Expiration said, or the clocks disagree),
 * it builds a new client, which assumes the role again, and retries the call once.
 */
export class ConnectSession {
  private client: ConnectClient;

  constructor(
    private readonly connection: ConnectConnection,
    readonly region: string,
  ) {
    this.client = connectClient(connection, region);
  }

  /** Runs `call` with the client, again with fresh credentials if these expired. */
  async call<T>(call: (client: ConnectClient) => Promise<T>): Promise<T> {
    try {
      return await call(this.client);
    } catch (error) {
      if ((error as Error).name !== "ExpiredTokenException") throw error;
      this.client.destroy();
      this.client = connectClient(this.connection, this.region);
      return call(this.client);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
