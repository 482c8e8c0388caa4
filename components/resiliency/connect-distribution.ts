import { GetTrafficDistributionCommand, UpdateTrafficDistributionCommand, type ConnectClient } from "@aws-sdk/client-connect";
import {
  fromGetTrafficDistributionOutput,
  isSplit,
  sameDistribution,
  toUpdateTrafficDistributionInput,
  type TrafficDistribution,
} from "./traffic-distribution";

/** Reads and applies a traffic distribution group's distribution. */
export interface DistributionPort {
  read(): Promise<TrafficDistribution>;
  /** Applies `planned` and returns the distribution read back once it is in force. */
  apply(planned: TrafficDistribution): Promise<TrafficDistribution>;
}

export interface ConnectDistributionOptions {
  /** Attempts at UpdateTrafficDistribution beyond the SDK's own retries. @default 5 */
  readonly attempts?: number;
  /** First back-off between attempts, doubled each time. @default 200 */
  readonly backoffMilliseconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set(["ThrottlingException", "TooManyRequestsException", "InternalServiceException", "ServiceUnavailableException", "ResourceConflictException"]);

function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown; code?: string };
  return RETRYABLE.has(e.name ?? "") || (e.$metadata?.httpStatusCode ?? 0) >= 500 || e.$retryable !== undefined || e.code === "ECONNRESET";
}

/**
 * The distribution of one group through the Connect API. Always addressed by the group's ARN, which
 * works from either Region of the pair (an id fails from the replica Region).
 *
 * Telephony, agents and sign-in travel in ONE UpdateTrafficDistribution call, so the service never
 * sees them apart; after the call the distribution is read back, and re-applied if it is not what was
 * asked (for example when a concurrent writer raced us), so the group is never left split.
 */
export class ConnectDistribution implements DistributionPort {
  constructor(
    private readonly client: ConnectClient,
    private readonly groupArn: string,
    private readonly options: ConnectDistributionOptions = {},
  ) {}

  async read(): Promise<TrafficDistribution> {
    return fromGetTrafficDistributionOutput(await this.client.send(new GetTrafficDistributionCommand({ Id: this.groupArn })));
  }

  async apply(planned: TrafficDistribution): Promise<TrafficDistribution> {
    const attempts = this.options.attempts ?? 5;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    let backoff = this.options.backoffMilliseconds ?? 200;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.client.send(new UpdateTrafficDistributionCommand(toUpdateTrafficDistributionInput(this.groupArn, planned)));
        const current = await this.read();
        if (sameDistribution(current, planned) && !isSplit(current)) return current;
        lastError = new Error(`distribution read back as ${JSON.stringify(current)} after the update`);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        lastError = error;
      }
      if (attempt < attempts) {
        await sleep(backoff);
        backoff *= 2;
      }
    }
    throw new Error(`UpdateTrafficDistribution did not take effect after ${attempts} attempts: ${(lastError as Error)?.message ?? lastError}`);
  }
}
