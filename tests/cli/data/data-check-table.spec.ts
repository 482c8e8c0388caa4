import { expect } from "chai";
import { PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { canonical, itemHash } from "../../../cli/data/dynamodb/item-hash";
import { startDynalite, type LocalDynamo } from "../../support/dynalite";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const TABLE = "cc-contacts";
const item = (pk: string, extra: Record<string, string> = {}) => ({
  pk: { S: pk },
  sk: { S: "profile" },
  name: { S: `customer ${pk}` },
  tags: { SS: ["vip", "east"] },
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { S: v }])),
});

describe("connect-dr data check-table (two dynalite replicas)", () => {
  let east: LocalDynamo;
  let west: LocalDynamo;
  const saved: Record<string, string | undefined> = {};
  const sides = () => ["--source-endpoint-url", east.endpoint, "--source-region", "us-east-1", "--replica-endpoint-url", west.endpoint, "--replica-region", "us-west-2", "--no-progress", "--segments", "4"];

  before(async function () {
    // The first run loads every command module (discovery); done here so the tests time the command.
    this.timeout(60_000);
    await run(["data", "check-table", "--help"]);
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"]) saved[k] = process.env[k];
    process.env.AWS_ACCESS_KEY_ID = "AKIDLOCAL";
    process.env.AWS_SECRET_ACCESS_KEY = "local";
    delete process.env.AWS_PROFILE;
    [east, west] = await Promise.all([startDynalite(), startDynalite()]);
    await east.createTable(TABLE);
    await west.createTable(TABLE);
    for (let i = 0; i < 40; i++) {
      const pk = `c-${String(i).padStart(3, "0")}`;
      await east.client.send(new PutItemCommand({ TableName: TABLE, Item: item(pk) }));
      if (i === 7) continue; // never replicated
      // The legacy global tables attributes differ per replica and are ignored; c-012 differs for real.
      await west.client.send(new PutItemCommand({ TableName: TABLE, Item: { ...item(pk, i === 12 ? { name: "someone else" } : {}), "aws:rep:updateregion": { S: "us-west-2" } } }));
    }
    await west.client.send(new PutItemCommand({ TableName: TABLE, Item: item("c-900") })); // only in the replica
  });
  after(async () => {
    await east.close();
    await west.close();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it("names the item missing in each replica and the different one; writes nothing", async () => {
    const before = [(await east.client.send(new ScanCommand({ TableName: TABLE }))).Count, (await west.client.send(new ScanCommand({ TableName: TABLE }))).Count];
    const r = await run(["data", "check-table", "--table", TABLE, ...sides(), "--json"]);
    expect(r.code, r.stderr).to.equal(1);
    const report = JSON.parse(r.stdout);
    expect(report.items).to.deep.equal({ source: 40, replica: 40 });
    expect(report.problems).to.deep.equal({ "missing-in-replica": 1, "missing-in-source": 1, different: 1 });
    expect(report.listed).to.deep.equal([
      { kind: "missing-in-replica", key: JSON.stringify({ pk: { S: "c-007" }, sk: { S: "profile" } }) },
      { kind: "different", key: JSON.stringify({ pk: { S: "c-012" }, sk: { S: "profile" } }) },
      { kind: "missing-in-source", key: JSON.stringify({ pk: { S: "c-900" }, sk: { S: "profile" } }) },
    ]);
    expect([(await east.client.send(new ScanCommand({ TableName: TABLE }))).Count, (await west.client.send(new ScanCommand({ TableName: TABLE }))).Count]).to.deep.equal(before);
  });

  it("reports agreeing replicas as OK once they agree (text output)", async () => {
    await west.client.send(new PutItemCommand({ TableName: TABLE, Item: item("c-007") }));
    await west.client.send(new PutItemCommand({ TableName: TABLE, Item: item("c-012") }));
    await east.client.send(new PutItemCommand({ TableName: TABLE, Item: item("c-900") }));
    const r = await run(["data", "check-table", "--table", TABLE, ...sides()]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.contain(`OK: ${TABLE} (us-east-1) vs ${TABLE} (us-west-2)`);
    expect(r.stdout).to.contain("items: 41 source, 41 replica (4 segments a side)");
  });

  it("refuses a table that does not exist with exit 4 naming it and the Region", async () => {
    const r = await run(["data", "check-table", "--table", "cc-nothing", ...sides()]);
    expect(r.code).to.equal(4);
    expect(r.stderr).to.match(/error: table "cc-nothing" does not exist in us-(east-1|west-2): pass the global table's name/);
  });

  it("refuses a malformed table name with exit 2", async () => {
    const r = await run(["data", "check-table", "--table", "a b", ...sides()]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain(`error: --table "a b": expected a DynamoDB table name`);
  });

  it("hashes items canonically: attribute and set order do not matter, replication attributes are ignored (pure)", () => {
    expect(canonical({ SS: ["b", "a"] })).to.equal(canonical({ SS: ["a", "b"] }));
    expect(itemHash({ a: { S: "1" }, b: { N: "2" } })).to.equal(itemHash({ b: { N: "2.0" }, a: { S: "1" }, "aws:rep:updatetime": { N: "1" } }));
    expect(itemHash({ a: { S: "1" } })).to.not.equal(itemHash({ a: { N: "1" } }));
  });
});
