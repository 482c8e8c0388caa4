/**
 * Export of the bench instance (tools/bench/bench-instance.ts, at a tenth of the benchmark's size): its
 * CloudFormation template validates against AWS's schemas, with every flow-transfer cycle broken by
 * a deferred write, and its Terraform configuration uses only documented arguments.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "../../../../tools/simulator";
import { buildBenchInstance } from "../../../../tools/bench/bench-instance";
import { runBackup } from "../../../../cli/operations/backup/run-backup";
import { openSession } from "../../../../cli/operations/connect/session";
import { uniformQuotas } from "../../../../cli/operations/rate/quotas";
import { DirStore } from "../../../../cli/operations/store/dir-store";
import { verifyBackup } from "../../../../cli/operations/verify/verify-backup";
import { renderExport } from "../../../../cli/operations/export/render-files";
import type { Kind } from "../../../../cli/operations/model/kinds";
import { auditModelTraffic } from "../../../support/model-audit";
import { checkTemplate, haveSchemas } from "../../../support/iac/cfn-schemas";
import { checkTfBlock, TF_CONNECT_RESOURCES } from "../../../support/iac/terraform-aws-connect";

const KEY = "AKIABENCHEXPORT00001";
const ACCOUNT = "111111111111";
const SIZE = { hours: 4, queues: 10, flows: 30, routingProfiles: 5, quickConnects: 5 };
const KINDS: Kind[] = ["instance", "lambdaFunctions", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "agentStatuses"];
type J = Record<string, unknown>;

describe("connect-dr export of the bench instance", function () {
  this.timeout(30_000);
  auditModelTraffic();
  let sim: Simulator;
  let dir: string;
  let snapshot: NonNullable<Awaited<ReturnType<typeof verifyBackup>>["snapshot"]>;

  before(async () => {
    sim = await startSimulator({ accounts: { [KEY]: ACCOUNT }, quotas: { default: { ratePerSecond: 10_000, burst: 10_000 } } });
    const { src } = await buildBenchInstance({ seed: (s) => sim.seed(s), endpoint: sim.endpoint, accessKeyId: KEY, account: ACCOUNT, size: SIZE });
    const session = await openSession({ region: "us-east-1", endpoint: sim.endpoint, credentials: { accessKeyId: KEY, secretAccessKey: "x" }, quotas: uniformQuotas(10_000, 10_000) });
    dir = mkdtempSync(join(tmpdir(), "connect-dr-export-bench-"));
    await runBackup({ client: session.client, instanceId: src.instanceId, store: new DirStore(dir), kinds: KINDS });
    const report = await verifyBackup(new DirStore(dir));
    expect(report.failures).to.deep.equal([]);
    snapshot = report.snapshot!;
  });
  after(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("CloudFormation: every resource validates; each transfer cycle is broken by one deferred content write", function () {
    if (!haveSchemas()) {
      console.log("      (skipped: ../shared/reference/cloudformation/connect is absent)");
      return this.skip();
    }
    const out = renderExport(snapshot, "cloudformation");
    const t = JSON.parse(out.files[0]!.text) as J;
    expect(checkTemplate(t)).to.deep.equal([]);
    const flows = Object.values(t.Resources as Record<string, J>).filter((r) => r.Type === "AWS::Connect::ContactFlow").length;
    expect(flows).to.equal(SIZE.flows);
    // bench: every 10th flow i and flow i+5 transfer to each other.
    expect(out.model.deferred.filter((d) => d.action === "UpdateContactFlowContent")).to.have.length(Math.ceil((SIZE.flows - 5) / 10));
    expect(renderExport(snapshot, "cloudformation").files).to.deep.equal(out.files);
  });

  it("Terraform: only documented arguments (prompts skipped: the provider has no prompt resource)", () => {
    const out = renderExport(snapshot, "terraform", { skip: ["prompts"] });
    const config = JSON.parse(out.files[0]!.text) as J;
    const problems: string[] = [];
    for (const [type, byName] of Object.entries(config.resource as Record<string, Record<string, J>>)) {
      if (type === "terraform_data") continue;
      for (const [name, body] of Object.entries(byName)) problems.push(...(TF_CONNECT_RESOURCES[type] ? checkTfBlock(body, TF_CONNECT_RESOURCES[type]!, `${type}.${name}`, true) : [`${type}: undocumented`]));
    }
    expect(problems).to.deep.equal([]);
    // One terraform_data per deferred write: the flow cycles, and queues listing a quick connect to themselves.
    expect(Object.keys((config.resource as J).terraform_data as J)).to.have.length(out.model.deferred.length);
    expect(out.model.deferred.filter((d) => d.action === "AssociateQueueQuickConnects").length).to.be.greaterThan(0);
  });
});
