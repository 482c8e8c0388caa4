import { expect } from "chai";
import { neededProviders, partitionOf, planProviders, providerName, roleArnFor, sessionNameFor } from "../../program/provider-plan";

describe("program: provider plan", () => {
  const names: [Parameters<typeof providerName>[0], string, string][] = [
    ["workload", "us-east-1", "workload-us-east-1"],
    ["backupVault", "us-west-2", "backup-vault-us-west-2"],
    ["network", "eu-central-1", "network-eu-central-1"],
    ["management", "us-east-1", "management-us-east-1"],
  ];
  for (const [account, region, name] of names) {
    it(`names the ${account} provider in ${region} ${name}`, () => expect(providerName(account, region)).to.equal(name));
  }

  const arns: [{ id: string; role: string }, string, string][] = [
    [{ id: "111122223333", role: "ConnectDrDeployer" }, "us-east-1", "arn:aws:iam::111122223333:role/ConnectDrDeployer"],
    [{ id: "111122223333", role: "arn:aws:iam::111122223333:role/ops/Deployer" }, "us-east-1", "arn:aws:iam::111122223333:role/ops/Deployer"],
    [{ id: "111122223333", role: "Deployer" }, "us-gov-west-1", "arn:aws-us-gov:iam::111122223333:role/Deployer"],
    [{ id: "111122223333", role: "Deployer" }, "cn-north-1", "arn:aws-cn:iam::111122223333:role/Deployer"],
  ];
  for (const [account, region, arn] of arns) {
    it(`turns role ${account.role} in ${region} into ${arn}`, () => expect(roleArnFor(account, region)).to.equal(arn));
  }

  it("knows the partitions", () => {
    expect([partitionOf("eu-west-2"), partitionOf("us-gov-east-1"), partitionOf("cn-northwest-1")]).to.deep.equal(["aws", "aws-us-gov", "aws-cn"]);
  });

  it("builds STS session names within 64 allowed characters", () => {
    expect(sessionNameFor("primary", "backupVault")).to.equal("connect-dr-primary-backup-vault");
    expect(sessionNameFor("org/dev stack", "workload")).to.equal("connect-dr-org-dev-stack-workload");
    const long = sessionNameFor("x".repeat(80), "network");
    expect(long).to.have.length(64);
    expect(long).to.match(/^[\w+=,.@-]+$/);
  });

  const needs: [string, "primary" | "secondary", string, string, string[]][] = [
    ["primary in us-east-1", "primary", "us-east-1", "us-west-2", ["workload-us-east-1", "workload-us-west-2", "backup-vault-us-west-2", "network-us-east-1"]],
    ["secondary in us-west-2", "secondary", "us-west-2", "us-east-1", ["workload-us-west-2", "workload-us-east-1", "backup-vault-us-east-1", "network-us-west-2", "network-us-east-1"]],
    ["secondary in us-east-1 (no duplicate us-east-1 network provider)", "secondary", "us-east-1", "us-west-2", ["workload-us-east-1", "workload-us-west-2", "backup-vault-us-west-2", "network-us-east-1"]],
    ["secondary in eu-west-2", "secondary", "eu-west-2", "eu-central-1", ["workload-eu-west-2", "workload-eu-central-1", "backup-vault-eu-central-1", "network-eu-west-2", "network-us-east-1"]],
  ];
  for (const [title, role, here, peer, expected] of needs) {
    it(`needs exactly these providers for a ${title}`, () => {
      expect(neededProviders(role, here, peer).map((p) => providerName(p.account, p.region))).to.deep.equal(expected);
    });
  }

  it("plans each provider with its account, role, session and tags", () => {
    const accounts = {
      management: { id: "123456789012", role: "Org" },
      workload: { id: "111122223333", role: "Deployer" },
      network: { id: "444455556666", role: "arn:aws:iam::444455556666:role/Net" },
      backupVault: { id: "777788889999", role: "Vault" },
    };
    const plan = planProviders({ role: "primary", primaryRegion: "us-east-1", secondaryRegion: "us-west-2", tags: { Owner: "team" }, accounts }, "prod-east");
    expect(plan).to.deep.equal([
      { name: "workload-us-east-1", account: "workload", accountId: "111122223333", region: "us-east-1", roleArn: "arn:aws:iam::111122223333:role/Deployer", sessionName: "connect-dr-prod-east-workload", defaultTags: { Owner: "team", "connect-dr:stack": "prod-east", "connect-dr:account": "workload" } },
      { name: "workload-us-west-2", account: "workload", accountId: "111122223333", region: "us-west-2", roleArn: "arn:aws:iam::111122223333:role/Deployer", sessionName: "connect-dr-prod-east-workload", defaultTags: { Owner: "team", "connect-dr:stack": "prod-east", "connect-dr:account": "workload" } },
      { name: "backup-vault-us-west-2", account: "backupVault", accountId: "777788889999", region: "us-west-2", roleArn: "arn:aws:iam::777788889999:role/Vault", sessionName: "connect-dr-prod-east-backup-vault", defaultTags: { Owner: "team", "connect-dr:stack": "prod-east", "connect-dr:account": "backup-vault" } },
      { name: "network-us-east-1", account: "network", accountId: "444455556666", region: "us-east-1", roleArn: "arn:aws:iam::444455556666:role/Net", sessionName: "connect-dr-prod-east-network", defaultTags: { Owner: "team", "connect-dr:stack": "prod-east", "connect-dr:account": "network" } },
    ]);
  });
});
