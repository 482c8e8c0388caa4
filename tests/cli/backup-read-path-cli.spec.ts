/**
 * `connect-dr backup --read-path` and `--since` through the CLI: usage errors name the flag and the
 * allowed values (exit 2); a Search backup then an incremental one report how objects were read and
 * what was referenced; `verify` of the chain passes, and fails naming a broken link (exit 1).
 */
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { send } from "../../cli/operations/connect/send";
import { startWorld, SRC_KEY, type World } from "./operations/e2e/fixture";
import { auditModelTraffic } from "../support/model-audit";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("connect-dr backup --read-path / --since (CLI)", function () {
  this.timeout(30_000);
  auditModelTraffic();
  let world: World;
  let tmp: string;
  const saved: Record<string, string | undefined> = {};
  const fast = ["--rate", "500", "--burst", "100", "--no-progress"];
  const kinds = ["--kinds", "hours,queues,flows,routingProfiles,quickConnects,prompts,agentStatuses,users"];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "connect-dr-cli-inc-"));
    world = await startWorld();
    writeFileSync(join(tmp, "credentials"), `[source]\naws_access_key_id = ${SRC_KEY}\naws_secret_access_key = x\n`);
    writeFileSync(join(tmp, "config"), "[profile source]\nregion = us-east-1\n");
    for (const k of ["AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_REGION"]) saved[k] = process.env[k];
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(tmp, "credentials");
    process.env.AWS_CONFIG_FILE = join(tmp, "config");
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_REGION"]) delete process.env[k];
  });
  after(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await world?.sim.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("refuses an unknown --read-path and a --since equal to --to, naming them (exit 2)", async () => {
    const bad = await run(["backup", "--instance-id", world.sourceId, "--to", join(tmp, "x"), "--read-path", "scan", "--profile", "source", "--endpoint-url", world.sim.endpoint]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--read-path "scan" is not allowed; allowed: search, describe');
    const same = await run(["backup", "--instance-id", world.sourceId, "--to", join(tmp, "x"), "--since", join(tmp, "x"), "--profile", "source", "--endpoint-url", world.sim.endpoint]);
    expect(same.code).to.equal(2);
    expect(same.stderr).to.contain("--since must name an earlier backup");
  });

  it("backs up through Search, then incrementally; verify passes on the chain and names a broken link", async () => {
    const common = ["--instance-id", world.sourceId, "--profile", "source", "--endpoint-url", world.sim.endpoint, ...kinds, "--json", ...fast];
    const full = await run(["backup", ...common, "--to", join(tmp, "full")]);
    expect(full.code, full.stderr).to.equal(0);
    const fullOut = JSON.parse(full.stdout) as { readPath: string; readPaths: Record<string, number> };
    expect(fullOut.readPath).to.equal("search");
    expect(fullOut.readPaths.search).to.be.greaterThan(0);

    const queues = (await send((await world.session("source")).client, "ListQueues", { InstanceId: world.sourceId, QueueTypes: ["STANDARD"] })).QueueSummaryList as { Id: string; Name: string }[];
    await send((await world.session("source")).client, "UpdateQueueMaxContacts", { InstanceId: world.sourceId, QueueId: queues.find((q) => q.Name === "Sales")!.Id, MaxContacts: 7 });
    const inc = await run(["backup", ...common, "--to", join(tmp, "inc"), "--since", join(tmp, "full")]);
    expect(inc.code, inc.stderr).to.equal(0);
    const incOut = JSON.parse(inc.stdout) as { since: { location: string }; referenced: number; objects: number; readPaths: Record<string, number> };
    expect(incOut.since.location).to.equal(resolve(tmp, "full"));
    expect(incOut.objects - incOut.referenced).to.equal(1);
    expect(incOut.readPaths.unchanged).to.be.greaterThan(0);

    expect((await run(["verify", join(tmp, "inc"), "--no-progress"])).code).to.equal(0);
    rmSync(join(tmp, "full", "manifest.json"));
    const broken = await run(["verify", join(tmp, "inc"), "--no-progress"]);
    expect(broken.code).to.equal(1);
    expect(broken.stdout + broken.stderr).to.contain(`chain link ${resolve(tmp, "full")}`);
  });
});
