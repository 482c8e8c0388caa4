import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";

const COMPONENT = "LexBotRegion";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const BOT_ID = /^[0-9A-Z]{10}$/;
const LOCALE = /^[a-z]{2}_[A-Z]{2}$/;
const ALIAS_NAME = /^[0-9a-zA-Z][_-]?([0-9a-zA-Z][_-]?)*$/;
const KEY = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** One Lex V2 bot as it exists in this Region. */
export interface LexBotRegionBotArgs {
  /** The bot's id in this Region. */
  readonly botId: pulumi.Input<string>;
  /** Locales built into the version (from the DRAFT). */
  readonly localeIds: readonly string[];
  /** Alias the Connect flows use; keep it identical in both Regions. @default "live" */
  readonly aliasName?: string;
  /** Lambda code hook (same function name in both Regions) per locale. @default none */
  readonly codeHookFunctionName?: string;
}

export interface LexBotRegionArgs {
  readonly region: string;
  readonly accountId: string;
  /** ARN of this Region's Amazon Connect instance (ACGR keeps the instance id). */
  readonly connectInstanceArn: pulumi.Input<string>;
  /** Bots by a stable key (such as "billing"). */
  readonly bots: Readonly<Record<string, LexBotRegionBotArgs>>;
  /**
   * Associate each alias with the Connect instance here. Set false when `ConnectRegion`'s
   * `lexV2BotAliases` already associates the same alias. @default true
   */
  readonly associateWithConnect?: boolean;
}

/** ARN of a Lex V2 bot alias; flows use `$.AwsRegion` in place of the Region. */
export function lexBotAliasArn(region: string, accountId: string, botId: string, botAliasId: string): string {
  return `arn:aws:lex:${region}:${accountId}:bot-alias/${botId}/${botAliasId}`;
}

/**
 * Lex V2 in one Region for Amazon Connect: ACGR does not replicate Lex, so each Region needs a built
 * version of each bot, an alias flows call, and the alias associated with the Connect instance. The
 * version is `aws.lex.V2modelsBotVersion` (from DRAFT); the alias and the association are CloudFormation
 * types through Cloud Control (`AWS::Lex::BotAlias`, `AWS::Connect::IntegrationAssociation`), which
 * @pulumi/aws does not model for Lex V2.
 */
export class LexBotRegion extends pulumi.ComponentResource {
  /** Alias ARN by bot key. */
  public readonly aliasArns: pulumi.Output<Record<string, string>>;
  /** Built version by bot key. */
  public readonly botVersions: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: LexBotRegionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:connect:LexBotRegion", name, {}, opts);
    validate(args);
    const parent = { parent: this };
    const aliasArns: Record<string, pulumi.Output<string>> = {};
    const versions: Record<string, pulumi.Output<string>> = {};

    for (const key of Object.keys(args.bots).sort()) {
      const bot = args.bots[key];
      const version = new aws.lex.V2modelsBotVersion(
        `${name}-${key}-version`,
        {
          botId: bot.botId,
          description: `connect-dr: ${key} for Amazon Connect in ${args.region}`,
          localeSpecification: Object.fromEntries(bot.localeIds.map((locale) => [locale, { sourceBotVersion: "DRAFT" }])),
        },
        parent,
      );
      const aliasName = bot.aliasName ?? "live";
      const alias = new aws.cloudcontrol.Resource(
        `${name}-${key}-alias`,
        {
          typeName: "AWS::Lex::BotAlias",
          desiredState: pulumi.all([bot.botId, version.botVersion]).apply(([botId, botVersion]) =>
            JSON.stringify({
              BotId: botId,
              BotAliasName: aliasName,
              BotVersion: botVersion,
              Description: `Alias Amazon Connect flows call in ${args.region}`,
              BotAliasLocaleSettings: bot.localeIds.map((locale) => ({
                LocaleId: locale,
                BotAliasLocaleSetting: {
                  Enabled: true,
                  ...(bot.codeHookFunctionName
                    ? { CodeHookSpecification: { LambdaCodeHook: { CodeHookInterfaceVersion: "1.0", LambdaArn: `arn:aws:lambda:${args.region}:${args.accountId}:function:${bot.codeHookFunctionName}` } } }
                    : {}),
                },
              })),
            }),
          ),
        },
        parent,
      );
      // Cloud Control's identifier of AWS::Lex::BotAlias is "<BotAliasId>|<BotId>".
      const aliasArn = pulumi.all([alias.id, bot.botId]).apply(([id, botId]) => lexBotAliasArn(args.region, args.accountId, botId, id.split("|")[0]));
      if (args.associateWithConnect ?? true) {
        new aws.cloudcontrol.Resource(
          `${name}-${key}-association`,
          {
            typeName: "AWS::Connect::IntegrationAssociation",
            desiredState: pulumi.all([args.connectInstanceArn, aliasArn]).apply(([instanceArn, integrationArn]) =>
              JSON.stringify({ InstanceId: instanceArn, IntegrationType: "LEX_BOT", IntegrationArn: integrationArn }),
            ),
          },
          parent,
        );
      }
      aliasArns[key] = aliasArn;
      versions[key] = version.botVersion;
    }
    this.aliasArns = pulumi.output(aliasArns);
    this.botVersions = pulumi.output(versions);
    this.registerOutputs({ aliasArns: this.aliasArns, botVersions: this.botVersions });
  }
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: LexBotRegionArgs): void {
  if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region, "allowed: an AWS Region code");
  if (!ACCOUNT.test(args.accountId)) fail("accountId", args.accountId, "allowed: a 12-digit AWS account id");
  if (args.associateWithConnect !== undefined && typeof args.associateWithConnect !== "boolean") fail("associateWithConnect", args.associateWithConnect, "allowed: true or false");
  const keys = Object.keys(args.bots ?? {});
  if (keys.length === 0) fail("bots", args.bots ?? null, "allowed: at least one bot, keyed by a stable name");
  for (const key of keys) {
    if (!KEY.test(key)) fail("bots", key, "allowed: bot keys of lower-case letters, digits and hyphens");
    const bot = args.bots[key];
    if (typeof bot.botId === "string" && !BOT_ID.test(bot.botId)) fail(`bots.${key}.botId`, bot.botId, "allowed: a Lex V2 bot id, 10 upper-case letters or digits");
    if (!Array.isArray(bot.localeIds) || bot.localeIds.length === 0) fail(`bots.${key}.localeIds`, bot.localeIds ?? null, "allowed: at least one locale such as 'en_US'");
    for (const locale of bot.localeIds) if (!LOCALE.test(locale)) fail(`bots.${key}.localeIds`, locale, "allowed: locale ids such as 'en_US'");
    const aliasName = bot.aliasName ?? "live";
    if (aliasName.length > 100 || !ALIAS_NAME.test(aliasName) || aliasName === "TestBotAlias") fail(`bots.${key}.aliasName`, aliasName, "allowed: letters, digits, single '_' or '-', at most 100, not TestBotAlias");
    if (bot.codeHookFunctionName !== undefined && !/^[a-zA-Z0-9_-]{1,64}$/.test(bot.codeHookFunctionName)) {
      fail(`bots.${key}.codeHookFunctionName`, bot.codeHookFunctionName, "allowed: a function name (the same in both Regions), not an ARN");
    }
  }
}
