import * as aws from "@pulumi/aws";
import type { AccountName } from "./config";
import { type PlannedProvider, providerName } from "./provider-plan";

/** The stack's providers, looked up by account and Region. */
export class StackProviders {
  private readonly byName: ReadonlyMap<string, aws.Provider>;

  constructor(readonly plan: readonly PlannedProvider[]) {
    this.byName = new Map(plan.map((p) => [p.name, createProvider(p)]));
  }

  /**
   * The provider for `account` in `region`.
   * @throws Error when the plan has no such provider: a composition bug, never a user mistake.
   */
  get(account: AccountName, region: string): aws.Provider {
    const name = providerName(account, region);
    const provider = this.byName.get(name);
    if (!provider) throw new Error(`no provider ${name} was planned for this stack; planned: ${[...this.byName.keys()].join(", ")}`);
    return provider;
  }
}

/**
 * One `aws.Provider` for a planned (account, Region): assumes the account's deployment role, refuses
 * to touch any other account and tags everything it creates with the stack and account.
 */
export function createProvider(plan: PlannedProvider): aws.Provider {
  return new aws.Provider(plan.name, {
    region: plan.region as aws.Region,
    assumeRoles: [{ roleArn: plan.roleArn, sessionName: plan.sessionName }],
    allowedAccountIds: [plan.accountId],
    defaultTags: { tags: { ...plan.defaultTags } },
  });
}
