/**
 * Shared test support: a simulator with quotas high enough not to interfere, and real SDK clients
 * pointed at it with per-test credentials and Region.
 */
import { ConnectClient } from "@aws-sdk/client-connect";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../../tools/simulator";

/** Access key ids the tests use, mapped to accounts. */
export const ACCOUNT_A = "111111111111";
export const ACCOUNT_B = "222222222222";
export const KEY_A = "AKIAACCOUNTA00000001";
export const KEY_B = "AKIAACCOUNTB00000001";

/** Starts a simulator for tests: quotas scaled far up unless the options say otherwise. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({
    accounts: { [KEY_A]: ACCOUNT_A, [KEY_B]: ACCOUNT_B },
    defaultAccount: ACCOUNT_A,
    quotas: { default: { ratePerSecond: 10_000, burst: 10_000 } },
    ...options,
  });
}

/** A real ConnectClient for `region`, signed with `accessKeyId`. */
export function clientFor(sim: Simulator, region = "us-east-1", accessKeyId = KEY_A, maxAttempts = 1): ConnectClient {
  return new ConnectClient({
    endpoint: sim.endpoint,
    region,
    maxAttempts,
    credentials: { accessKeyId, secretAccessKey: "simulated-secret" },
  });
}

/** Creates a SAML instance with an alias through the API and returns its id. */
export async function createInstance(client: ConnectClient, alias: string): Promise<string> {
  const { CreateInstanceCommand } = await import("@aws-sdk/client-connect");
  const out = await client.send(new CreateInstanceCommand({ IdentityManagementType: "SAML", InstanceAlias: alias, InboundCallsEnabled: true, OutboundCallsEnabled: true }));
  return out.Id!;
}

/** Awaits a rejection and returns the error, failing when the promise resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string; $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
