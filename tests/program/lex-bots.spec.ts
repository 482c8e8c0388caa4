import { expect } from "chai";
import { checkStackConfig, rawConfigFromMap, readStackFileConfig } from "../../program/config";
import { PROJECT_DIR, awsResources, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";
const BOTS = { billing: { botId: "BILLBOT001", localeIds: ["en_US"], aliasName: "live" } };

describe("program: Lex V2 bots of each stack's Region", () => {
  for (const [stack, region] of [["primary", "us-east-1"], ["secondary", "us-west-2"]] as const) {
    it(`${stack}: a version and alias per bot on the workload provider in ${region}, associated with that Region's instance`, async () => {
      const { cloud, outputs } = await synthesize(stack, (config) => (config["connect-dr:lexBots"] = JSON.stringify(BOTS)));
      const lex = awsResources(cloud).filter((r) => r.name.startsWith("lex-"));
      expect(lex.map((r) => r.type)).to.include("aws:lex/v2modelsBotVersion:V2modelsBotVersion");
      const typeNames = lex.filter((r) => r.type === "aws:cloudcontrol/resource:Resource").map((r) => r.inputs.typeName).sort();
      expect(typeNames).to.deep.equal(["AWS::Connect::IntegrationAssociation", "AWS::Lex::BotAlias"]);
      const association = lex.find((r) => r.inputs.typeName === "AWS::Connect::IntegrationAssociation")!;
      expect(JSON.parse(association.inputs.desiredState).InstanceId).to.contain(`:connect:${region}:${WORKLOAD}:`);
      for (const r of lex) expect(r, r.name).to.include({ account: WORKLOAD, region });
      expect(outputs).to.have.property("lexBotAliasArns");
    });
  }

  it("is absent from the committed stacks", async () => {
    const { cloud } = await synthesize("primary");
    expect(awsResources(cloud).filter((r) => r.name.startsWith("lex-"))).to.deep.equal([]);
  });

  it("names a malformed bot id", () => {
    const config = readStackFileConfig("primary", PROJECT_DIR);
    config["connect-dr:lexBots"] = JSON.stringify({ billing: { botId: "bill", localeIds: ["en_US"] } });
    expect(checkStackConfig(rawConfigFromMap(config)).problems.map((p) => [p.path, p.found, p.allowed])).to.deep.equal([
      ["connect-dr:lexBots.billing.botId", "bill", "a Lex V2 bot id: 10 upper-case letters or digits"],
    ]);
  });
});
