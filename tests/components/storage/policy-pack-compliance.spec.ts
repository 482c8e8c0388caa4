import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";
import { GlobalContactTable } from "../../../components/storage/global-contact-table";
import { ReplicatedRecordings } from "../../../components/storage/replicated-recordings";
import type { HarnessResource } from "../../policies/support/policy-harness";
import { harnessResources, packViolations } from "../../policies/support/pack-run";

// The storage components, synthesized under mocks, checked against every rule of the team's own pack.

function provider(name: string, region: string, account: string): aws.Provider {
  return new aws.Provider(name, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${account}:role/ConnectDrDeployer` }] });
}

async function synthesize(): Promise<HarnessResource[]> {
  const cloud = new MockCloud().install();
  const main = provider("workload-eu-central-1", "eu-central-1", "111122223333");
  new ReplicatedRecordings(
    "rec",
    {
      sourceAccountId: "111122223333",
      destinationAccountId: "444455556666",
      replicaProvider: provider("vault-eu-west-2", "eu-west-2", "444455556666"),
      retentionDays: 400,
      destinationObjectLockEnabled: true,
      destinationObjectLockDays: 365,
    },
    { provider: main },
  );
  new GlobalContactTable("contacts", { region: "eu-central-1", replicaProviders: { "eu-west-2": provider("workload-eu-west-2", "eu-west-2", "111122223333") } }, { provider: main });
  await settle();
  // Rules pair settings with buckets by the bucket's id, so they see state (inputs plus id and arn).
  return harnessResources(cloud);
}


// The Regions the components are synthesized in, so the residency and SCP Region rules run too.
const EU = { allowedRegions: ["eu-central-1", "eu-west-2"] };

describe("storage components against the policy pack", () => {
  it("ReplicatedRecordings and GlobalContactTable pass every rule", async () => {
    expect(await packViolations(await synthesize(), EU)).to.deep.equal([]);
  });

  it("the RTC rule does examine the recordings bucket (it fails without the replication configuration)", async () => {
    const withoutReplication = (await synthesize()).filter((r) => r.type !== "aws:s3/bucketReplicationConfig:BucketReplicationConfig");
    expect(await packViolations(withoutReplication, EU)).to.deep.equal([
      "s3-recordings-replication-rtc: Recordings bucket 'rec-source' has no replication configuration.",
    ]);
  });
});
