import { ConnectClient } from "@aws-sdk/client-connect";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../tools/simulator";

/** Credentials the simulator maps to the workload account (any key works; this one is mapped). */
export const WORKLOAD_ACCOUNT = "111122223333";
const credentials = { accessKeyId: "AKIDWORKLOAD", secretAccessKey: "local" };

/** A simulator with quotas high enough that only the tests about quotas meet them. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ accounts: { AKIDWORKLOAD: WORKLOAD_ACCOUNT }, quotas: { default: { ratePerSecond: 1000, burst: 1000 } }, ...options });
}

/** An unmodified SDK client for the simulator in `region`. */
export function connectTo(simulator: Simulator, region: string, extra: Partial<ConstructorParameters<typeof ConnectClient>[0]> = {}): ConnectClient {
  return new ConnectClient({ region, endpoint: simulator.endpoint, credentials, ...extra });
}

/**
 * Code that builds its own clients from the default credential chain (the ACGR dynamic providers,
 * the failover handler) finds these in the environment. Returns a function that restores it.
 */
export function useSimulatorCredentials(): () => void {
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  return () => {
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  };
}

/**
 * A simulator for a mocha suite: started (with simulator credentials in the environment) before the
 * suite, reset before each test, stopped after. Call at the top of a `describe`.
 */
export function simulatorForSuite(options: SimulatorOptions = {}): { readonly simulator: Simulator } {
  const suite = {} as { simulator: Simulator };
  let restore = () => {};
  before(async () => {
    suite.simulator = await startTestSimulator(options);
    restore = useSimulatorCredentials();
  });
  after(async () => {
    restore();
    await suite.simulator.close();
  });
  beforeEach(() => suite.simulator.reset());
  return suite;
}
