import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { lexBotAliasArn, LexBotRegion, type LexBotRegionArgs } from "../../../components/connect/lex-bot-region";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "222233334444";
const provider = (region: string) => new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
const INSTANCE_ARN = `arn:aws:connect:us-west-2:${ACCOUNT}:instance/11111111-2222-3333-4444-555555555555`;

/**
 * MockCloud with the values the AWS provider and Cloud Control compute for these types: a bot version
 * gets its number, an AWS::Lex::BotAlias the identifier "<BotAliasId>|<BotId>".
 */
function installCloud(): MockCloud {
  return new MockCloud({
    computed: (a) => {
      if (a.type === "aws:lex/v2modelsBotVersion:V2modelsBotVersion") return { state: { botVersion: "3" } };
      if (a.type === "aws:cloudcontrol/resource:Resource" && JSON.parse(a.inputs.desiredState).BotAliasName) {
        return { id: `ALIAS${a.name.length.toString().padStart(5, "0")}|${JSON.parse(a.inputs.desiredState).BotId}` };
      }
      return undefined;
    },
  }).install();
}

function args(overrides: Partial<LexBotRegionArgs> = {}): LexBotRegionArgs {
  return {
    region: "us-west-2",
    accountId: ACCOUNT,
    connectInstanceArn: INSTANCE_ARN,
    bots: {
      billing: { botId: "ABCDEFGHIJ", localeIds: ["en_US", "es_US"], codeHookFunctionName: "billing-fulfilment" },
      triage: { botId: "KLMNOPQRST", localeIds: ["en_US"], aliasName: "prod" },
    },
    ...overrides,
  };
}


describe("LexBotRegion", () => {
  let cloud: MockCloud;
  let lex: LexBotRegion;
  beforeEach(async () => {
    cloud = installCloud();
    lex = new LexBotRegion("lex", args(), { provider: provider("us-west-2") });
    await settle();
  });

  it("declares a version, an alias and a Connect association per bot, in the Region's provider", () => {
    expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
      "aws:cloudcontrol/resource:Resource lex-billing-alias",
      "aws:cloudcontrol/resource:Resource lex-billing-association",
      "aws:cloudcontrol/resource:Resource lex-triage-alias",
      "aws:cloudcontrol/resource:Resource lex-triage-association",
      "aws:lex/v2modelsBotVersion:V2modelsBotVersion lex-billing-version",
      "aws:lex/v2modelsBotVersion:V2modelsBotVersion lex-triage-version",
      "connect-dr:connect:LexBotRegion lex",
    ]);
    for (const r of cloud.declared().filter((r) => r.custom)) {
      expect({ providerName: r.providerName, account: r.account, region: r.region }, r.name).to.deep.equal({ providerName: "workload-us-west-2", account: ACCOUNT, region: "us-west-2" });
    }
  });

  it("builds each locale from DRAFT", () => {
    expect(cloud.named("lex-billing-version").inputs).to.deep.include({
      botId: "ABCDEFGHIJ",
      localeSpecification: { en_US: { sourceBotVersion: "DRAFT" }, es_US: { sourceBotVersion: "DRAFT" } },
    });
  });

  it("points the alias at the built version with every locale enabled and the same-named code hook", () => {
    const alias = cloud.named("lex-billing-alias").inputs;
    expect(alias.typeName).to.equal("AWS::Lex::BotAlias");
    const hook = { CodeHookSpecification: { LambdaCodeHook: { CodeHookInterfaceVersion: "1.0", LambdaArn: `arn:aws:lambda:us-west-2:${ACCOUNT}:function:billing-fulfilment` } } };
    expect(JSON.parse(alias.desiredState)).to.deep.equal({
      BotId: "ABCDEFGHIJ",
      BotAliasName: "live",
      BotVersion: "3",
      Description: "Alias Amazon Connect flows call in us-west-2",
      BotAliasLocaleSettings: [
        { LocaleId: "en_US", BotAliasLocaleSetting: { Enabled: true, ...hook } },
        { LocaleId: "es_US", BotAliasLocaleSetting: { Enabled: true, ...hook } },
      ],
    });
    expect(JSON.parse(cloud.named("lex-triage-alias").inputs.desiredState)).to.deep.include({ BotAliasName: "prod", BotAliasLocaleSettings: [{ LocaleId: "en_US", BotAliasLocaleSetting: { Enabled: true } }] });
  });

  it("associates each alias ARN with the Connect instance", async () => {
    const arns = await resolve(lex.aliasArns);
    expect(arns.billing).to.match(/^arn:aws:lex:us-west-2:222233334444:bot-alias\/ABCDEFGHIJ\/ALIAS\d{5}$/);
    expect(JSON.parse(cloud.named("lex-billing-association").inputs.desiredState)).to.deep.equal({ InstanceId: INSTANCE_ARN, IntegrationType: "LEX_BOT", IntegrationArn: arns.billing });
    expect(cloud.named("lex-billing-association").inputs.typeName).to.equal("AWS::Connect::IntegrationAssociation");
    expect(await resolve(lex.botVersions)).to.deep.equal({ billing: "3", triage: "3" });
  });

  it("leaves the association to ConnectRegion when asked", async () => {
    const c = installCloud();
    new LexBotRegion("lex2", args({ associateWithConnect: false }), { provider: provider("us-west-2") });
    await settle();
    expect(c.ofType("aws:cloudcontrol/resource:Resource").map((r) => r.name).sort()).to.deep.equal(["lex2-billing-alias", "lex2-triage-alias"]);
  });

  it("builds alias ARNs by a pure function", () => {
    expect(lexBotAliasArn("eu-west-2", ACCOUNT, "ABCDEFGHIJ", "TSTALIASID")).to.equal(`arn:aws:lex:eu-west-2:${ACCOUNT}:bot-alias/ABCDEFGHIJ/TSTALIASID`);
  });

  describe("validation", () => {
    type Case = [string, LexBotRegionArgs, string, unknown, string];
    const cases: Case[] = [
      ["no bots", args({ bots: {} }), "bots", {}, "at least one bot"],
      ["a lower-case bot id", args({ bots: { b: { botId: "abcdefghij", localeIds: ["en_US"] } } }), "bots.b.botId", "abcdefghij", "10 upper-case letters or digits"],
      ["a locale with a hyphen", args({ bots: { b: { botId: "ABCDEFGHIJ", localeIds: ["en-US"] } } }), "bots.b.localeIds", "en-US", "such as 'en_US'"],
      ["the test alias name", args({ bots: { b: { botId: "ABCDEFGHIJ", localeIds: ["en_US"], aliasName: "TestBotAlias" } } }), "bots.b.aliasName", "TestBotAlias", "not TestBotAlias"],
      ["a code hook ARN", args({ bots: { b: { botId: "ABCDEFGHIJ", localeIds: ["en_US"], codeHookFunctionName: "arn:aws:lambda:us-west-2:1:function:x" } } }), "bots.b.codeHookFunctionName", "arn:aws:lambda:us-west-2:1:function:x", "not an ARN"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const c = new MockCloud().install();
        let error: unknown;
        try {
          new LexBotRegion("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "LexBotRegion", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(c.declared().filter((r) => r.type !== "connect-dr:connect:LexBotRegion")).to.deep.equal([]);
      });
    }
  });
});
