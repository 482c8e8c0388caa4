import { expect } from "chai";
import { StackProviders } from "../../program/providers";
import { planProviders } from "../../program/provider-plan";
import { MockCloud, settle } from "../../tools/synthesis/mock-cloud";
import { providerInputs } from "./synthesize";

const accounts = {
  management: { id: "123456789012", role: "Org" },
  workload: { id: "111122223333", role: "Deployer" },
  network: { id: "444455556666", role: "Deployer" },
  backupVault: { id: "777788889999", role: "Vault" },
};

describe("program: StackProviders", () => {
  it("creates the planned providers and hands out each by account and Region", async () => {
    const cloud = new MockCloud().install();
    const providers = new StackProviders(planProviders({ role: "secondary", primaryRegion: "eu-central-1", secondaryRegion: "eu-west-2", tags: {}, accounts }, "dr"));
    expect(providers.get("backupVault", "eu-central-1")).to.equal(providers.get("backupVault", "eu-central-1"));
    await settle();
    const created = cloud.ofType("pulumi:providers:aws");
    expect(created.map((p) => p.name)).to.deep.equal(["workload-eu-west-2", "workload-eu-central-1", "backup-vault-eu-central-1", "network-eu-west-2", "network-us-east-1"]);
    expect(providerInputs(cloud.named("backup-vault-eu-central-1"))).to.deep.equal({
      region: "eu-central-1",
      assumeRoles: [{ roleArn: "arn:aws:iam::777788889999:role/Vault", sessionName: "connect-dr-dr-backup-vault" }],
      allowedAccountIds: ["777788889999"],
      defaultTags: { tags: { "connect-dr:stack": "dr", "connect-dr:account": "backup-vault" } },
    });
  });

  it("refuses a provider the plan does not hold, naming the planned ones", () => {
    new MockCloud().install();
    const providers = new StackProviders(planProviders({ role: "primary", primaryRegion: "us-east-1", secondaryRegion: "us-west-2", tags: {}, accounts }, "p"));
    expect(() => providers.get("management", "us-east-1")).to.throw(
      "no provider management-us-east-1 was planned for this stack; planned: workload-us-east-1, workload-us-west-2, backup-vault-us-west-2, network-us-east-1",
    );
  });
});
