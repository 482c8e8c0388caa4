/**
 * Amazon Lex bots associated with an instance: V1 bots by name and Region (AssociateLexBot, or
 * AssociateBot with `LexBot`), V2 bots by alias ARN (AssociateBot with `LexV2Bot`). Region-local:
 * ACGR "does not synchronize Lambda functions or Amazon Lex bots". Associating a bot twice is
 * ResourceConflictException; removing one that is not associated ResourceNotFoundException.
 */
import type {
  AssociateBotRequest,
  AssociateLexBotRequest,
  DisassociateBotRequest,
  DisassociateLexBotRequest,
  LexBotConfig,
  ListBotsRequest,
  ListBotsResponse,
  ListLexBotsRequest,
  ListLexBotsResponse,
} from "@aws-sdk/client-connect";
import { invalidInput, listedError, notFound, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { requireInstance } from "./lookup";

const LEX_V2_ALIAS_ARN = /^arn:aws[a-z-]*:lex:([a-z0-9-]+):(\d{12}):bot-alias\/[A-Z0-9]{10}\/[A-Z0-9]{10}$/;

/** Amazon Connect's quota of Lex bots (V1 and V2 together) per instance. */
export const MAX_LEX_BOTS = 70;

function addLexV1(ctx: RequestContext, instance: InstanceRecord, name: string, lexRegion: string): void {
  if (instance.lexBots.some((b) => b.Name === name && b.LexRegion === lexRegion)) {
    throw new ServiceError("ResourceConflictException", `Lex bot ${name} (${lexRegion}) is already associated`);
  }
  checkQuota(ctx, instance);
  instance.lexBots.push({ Name: name, LexRegion: lexRegion });
}

function checkQuota(ctx: RequestContext, instance: InstanceRecord): void {
  if (instance.lexBots.length + instance.lexV2BotAliasArns.length >= MAX_LEX_BOTS) {
    throw listedError(ctx.operation, ["ServiceQuotaExceededException", "LimitExceededException"], `At most ${MAX_LEX_BOTS} Lex bots can be associated with an instance`);
  }
}

function removeLexV1(instance: InstanceRecord, name: string, lexRegion: string): void {
  const index = instance.lexBots.findIndex((b) => b.Name === name && b.LexRegion === lexRegion);
  if (index < 0) throw notFound("Lex bot association", `${name} (${lexRegion})`);
  instance.lexBots.splice(index, 1);
}

/** Operation handlers of this family. */
export const botHandlers: HandlerTable = {
  ListBots: op<ListBotsRequest, ListBotsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const version = input.LexVersion!;
    const all: LexBotConfig[] = version === "V1" ? instance.lexBots.map((LexBot) => ({ LexBot })) : instance.lexV2BotAliasArns.map((AliasArn) => ({ LexV2Bot: { AliasArn } }));
    const page = paginate(all, input, "ListBots", `${instance.id}|${version}`);
    return { LexBots: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  AssociateBot: op<AssociateBotRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    if ((input.LexBot === undefined) === (input.LexV2Bot === undefined)) {
      throw invalidInput(ctx.operation, "Exactly one of LexBot and LexV2Bot must be given");
    }
    if (input.LexBot) {
      const { Name, LexRegion } = input.LexBot;
      if (!Name || !LexRegion) throw invalidInput(ctx.operation, "LexBot.Name and LexBot.LexRegion are required");
      addLexV1(ctx, instance, Name, LexRegion);
    } else {
      const aliasArn = input.LexV2Bot!.AliasArn;
      if (!aliasArn || !LEX_V2_ALIAS_ARN.test(aliasArn)) throw invalidInput(ctx.operation, `LexV2Bot.AliasArn is not a Lex V2 bot alias ARN: ${String(aliasArn)}`);
      if (instance.lexV2BotAliasArns.includes(aliasArn)) throw new ServiceError("ResourceConflictException", `Lex V2 bot alias ${aliasArn} is already associated`);
      checkQuota(ctx, instance);
      instance.lexV2BotAliasArns.push(aliasArn);
    }
    return {};
  }),

  DisassociateBot: op<DisassociateBotRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    if ((input.LexBot === undefined) === (input.LexV2Bot === undefined)) {
      throw invalidInput(ctx.operation, "Exactly one of LexBot and LexV2Bot must be given");
    }
    if (input.LexBot) {
      removeLexV1(instance, input.LexBot.Name!, input.LexBot.LexRegion!);
    } else {
      const aliasArn = input.LexV2Bot!.AliasArn ?? "";
      const index = instance.lexV2BotAliasArns.indexOf(aliasArn);
      if (index < 0) throw notFound("Lex V2 bot association", aliasArn);
      instance.lexV2BotAliasArns.splice(index, 1);
    }
    return {};
  }),

  AssociateLexBot: op<AssociateLexBotRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    addLexV1(ctx, instance, input.LexBot!.Name!, input.LexBot!.LexRegion!);
    return {};
  }),

  DisassociateLexBot: op<DisassociateLexBotRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    removeLexV1(instance, input.BotName!, input.LexRegion!);
    return {};
  }),

  ListLexBots: op<ListLexBotsRequest, ListLexBotsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate(instance.lexBots, input, "ListLexBots", instance.id);
    return { LexBots: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),
};
