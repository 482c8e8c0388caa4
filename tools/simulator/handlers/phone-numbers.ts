/**
 * Phone numbers: search the available ones, claim, describe, move between an instance and a traffic
 * distribution group, release, associate a flow, and list (v1 per instance, v2 by target).
 *
 * A number lives in the Region where it was claimed. Numbers claimed to a TDG are visible from both
 * Regions of the TDG, but from the other Region only by full ARN, as the service documents for
 * DescribePhoneNumber and AssociatePhoneNumberContactFlow. A flow is associated per Region: a TDG
 * number answers in a Region only once a flow is associated there.
 */
import {
  PhoneNumberCountryCode,
  PhoneNumberType,
  type AssociatePhoneNumberContactFlowRequest,
  type ClaimPhoneNumberRequest,
  type ClaimPhoneNumberResponse,
  type DescribePhoneNumberRequest,
  type DisassociatePhoneNumberContactFlowRequest,
  type ListFlowAssociationsRequest,
  type ListFlowAssociationsResponse,
  type DescribePhoneNumberResponse,
  type ListPhoneNumbersRequest,
  type ListPhoneNumbersResponse,
  type ListPhoneNumbersV2Request,
  type ListPhoneNumbersV2Response,
  type ReleasePhoneNumberRequest,
  type SearchAvailablePhoneNumbersRequest,
  type SearchAvailablePhoneNumbersResponse,
  type UpdatePhoneNumberRequest,
  type UpdatePhoneNumberResponse,
} from "@aws-sdk/client-connect";
import { instanceArn, instanceResourceArn, parseConnectArn, phoneNumberArn } from "../arns";
import { invalidParameter, listedError, notFound } from "../errors";
import { regionsOfGroup, resolveTrafficDistributionGroup } from "../global-resiliency";
import { availableNumbers } from "../phone-number-inventory";
import { paginate } from "../pagination";
import type { PhoneNumberRecord } from "../state/model";
import { requireEnum, validateTags } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { findInstance, requireInstance, requireRecord } from "./lookup";

const E164 = /^\+[1-9]\d{1,14}$/;

/** Calling-code prefixes -> ISO country, longest prefix first. */
const COUNTRY_PREFIXES: readonly [string, PhoneNumberCountryCode][] = [
  ["+353", "IE"], ["+44", "GB"], ["+49", "DE"], ["+33", "FR"], ["+34", "ES"], ["+39", "IT"], ["+31", "NL"],
  ["+81", "JP"], ["+82", "KR"], ["+61", "AU"], ["+64", "NZ"], ["+65", "SG"], ["+27", "ZA"], ["+55", "BR"], ["+1", "US"],
];
const TOLL_FREE = [/^\+18(00|33|44|55|66|77|88)/, /^\+44800/, /^\+44808/, /^\+490800/, /^\+81120/, /^\+611800/];

export function classify(number: string): { countryCode: PhoneNumberCountryCode; type: PhoneNumberType } {
  const country = COUNTRY_PREFIXES.find(([prefix]) => number.startsWith(prefix));
  if (!country) throw invalidParameter(`PhoneNumber ${number} is not in a country the simulator serves`);
  return { countryCode: country[1], type: TOLL_FREE.some((re) => re.test(number)) ? "TOLL_FREE" : "DID" };
}

/** Resolves a claim/update target (instance or TDG, by ARN or instance id) to its canonical ARN. */
function resolveTarget(ctx: RequestContext, targetArn: string | undefined, instanceId: string | undefined): { arn: string; instanceId?: string; groupHomeRegion?: string } {
  if ((targetArn === undefined) === (instanceId === undefined)) throw invalidParameter("Exactly one of TargetArn and InstanceId is required");
  if (instanceId !== undefined) {
    const instance = requireInstance(ctx, instanceId);
    return { arn: instanceArn(ctx.region, ctx.account, instance.id), instanceId: instance.id };
  }
  const arn = parseConnectArn(targetArn!);
  if (arn?.topType === "instance" && !arn.resourceType) {
    const instance = requireInstance(ctx, targetArn!);
    return { arn: instanceArn(ctx.region, ctx.account, instance.id), instanceId: instance.id };
  }
  if (arn?.topType === "traffic-distribution-group") {
    const group = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, targetArn!);
    // "Assigning a phone number to a traffic distribution group that isn't ACTIVE results in ResourceNotFoundException."
    if (ctx.now().getTime() < group.readyAt) throw notFound("Traffic distribution group", targetArn!);
    return { arn: `arn:aws:connect:${group.homeRegion}:${group.account}:traffic-distribution-group/${group.id}`, groupHomeRegion: group.homeRegion };
  }
  throw invalidParameter(`TargetArn must be an instance or traffic distribution group ARN, got ${targetArn}`);
}

/** The Regions from which a number is visible: its own, plus its TDG's pair. */
function visibleRegions(ctx: RequestContext, n: PhoneNumberRecord): string[] {
  const arn = parseConnectArn(n.targetArn);
  if (arn?.topType === "traffic-distribution-group") {
    const group = ctx.store.region(arn.account, arn.region).trafficDistributionGroups.get(arn.topId);
    if (group) return regionsOfGroup(ctx.store, group);
  }
  return [n.region];
}

/** Resolves a number by id (its own Region only) or ARN (any Region it is visible from). */
function resolveNumber(ctx: RequestContext, idOrArn: string): PhoneNumberRecord {
  if (idOrArn.startsWith("arn:")) {
    const arn = parseConnectArn(idOrArn);
    if (!arn || arn.topType !== "phone-number" || arn.account !== ctx.account) throw notFound("Phone number", idOrArn);
    const n = ctx.store.region(arn.account, arn.region).phoneNumbers.get(arn.topId);
    if (!n || !visibleRegions(ctx, n).includes(ctx.region)) throw notFound("Phone number", idOrArn);
    return n;
  }
  return requireRecord(ctx.regionState.phoneNumbers, idOrArn, "Phone number");
}

function targetInstanceId(n: PhoneNumberRecord): string | undefined {
  const arn = parseConnectArn(n.targetArn);
  return arn?.topType === "instance" ? arn.topId : undefined;
}

/** The instance whose calls the number routes: its target instance, or its TDG's instance. */
function owningInstanceId(ctx: RequestContext, n: PhoneNumberRecord): string | undefined {
  const arn = parseConnectArn(n.targetArn);
  if (arn?.topType === "instance") return arn.topId;
  if (arn?.topType === "traffic-distribution-group") return ctx.store.region(arn.account, arn.region).trafficDistributionGroups.get(arn.topId)?.instanceId;
  return undefined;
}

/** Numbers are claimed to, and moved between, targets of the Region they are claimed in. */
function requireHomeRegion(ctx: RequestContext, target: { groupHomeRegion?: string }, what: string): void {
  if (target.groupHomeRegion !== undefined && target.groupHomeRegion !== ctx.region) {
    throw invalidParameter(`${what} works only in the Region where the traffic distribution group was created (${target.groupHomeRegion}), not ${ctx.region}`);
  }
}

/** Operation handlers of this family. */
export const phoneNumberHandlers: HandlerTable = {
  /** Numbers not yet claimed by anyone, from the simulator's deterministic inventory. */
  SearchAvailablePhoneNumbers: op<SearchAvailablePhoneNumbersRequest, SearchAvailablePhoneNumbersResponse>((ctx, input) => {
    const country = requireEnum("PhoneNumberCountryCode", input.PhoneNumberCountryCode, Object.values(PhoneNumberCountryCode));
    const type = requireEnum("PhoneNumberType", input.PhoneNumberType, Object.values(PhoneNumberType));
    // Validates the target (either Region of a TDG may search for it).
    resolveTarget(ctx, input.TargetArn, input.InstanceId);
    const max = input.MaxResults ?? 10;
    if (!Number.isInteger(max) || max < 1 || max > 10) throw invalidParameter(`MaxResults must be 1 to 10, got ${max}`);
    const claimed = new Set(ctx.store.all().flatMap((state) => [...state.phoneNumbers.values()].map((n) => n.phoneNumber)));
    const found = availableNumbers(country, type, input.PhoneNumberPrefix, claimed, classify, max);
    return { AvailableNumbersList: found.map((PhoneNumber) => ({ PhoneNumber, PhoneNumberCountryCode: country, PhoneNumberType: type })) };
  }),

  ClaimPhoneNumber: op<ClaimPhoneNumberRequest, ClaimPhoneNumberResponse>((ctx, input) => {
    const number = input.PhoneNumber!;
    if (!E164.test(number)) throw invalidParameter(`PhoneNumber must be E.164 (+ and up to 15 digits), got ${JSON.stringify(number)}`);
    const { countryCode, type } = classify(number);
    const target = resolveTarget(ctx, input.TargetArn, input.InstanceId);
    requireHomeRegion(ctx, target, "ClaimPhoneNumber");
    for (const state of ctx.store.all()) {
      for (const n of state.phoneNumbers.values()) {
        if (n.phoneNumber === number) throw listedError(ctx.operation, ["ResourceConflictException", "InvalidParameterException"], `Phone number ${number} is already claimed`);
      }
    }
    const record: PhoneNumberRecord = {
      id: ctx.newId(),
      account: ctx.account,
      region: ctx.region,
      phoneNumber: number,
      countryCode,
      type,
      ...(input.PhoneNumberDescription !== undefined ? { description: input.PhoneNumberDescription } : {}),
      targetArn: target.arn,
      tags: validateTags(input.Tags),
      contactFlowIdByRegion: {},
    };
    ctx.regionState.phoneNumbers.set(record.id, record);
    return { PhoneNumberId: record.id, PhoneNumberArn: phoneNumberArn(ctx.region, ctx.account, record.id) };
  }),

  DescribePhoneNumber: op<DescribePhoneNumberRequest, DescribePhoneNumberResponse>((ctx, input) => {
    const n = resolveNumber(ctx, input.PhoneNumberId!);
    const instanceId = targetInstanceId(n);
    return {
      ClaimedPhoneNumberSummary: {
        PhoneNumberId: n.id,
        PhoneNumberArn: phoneNumberArn(n.region, n.account, n.id),
        PhoneNumber: n.phoneNumber,
        PhoneNumberCountryCode: n.countryCode as PhoneNumberCountryCode,
        PhoneNumberType: n.type as PhoneNumberType,
        ...(n.description !== undefined ? { PhoneNumberDescription: n.description } : {}),
        TargetArn: n.targetArn,
        ...(instanceId ? { InstanceId: instanceId } : {}),
        Tags: { ...n.tags },
        PhoneNumberStatus: { Status: "CLAIMED" },
      },
    };
  }),

  UpdatePhoneNumber: op<UpdatePhoneNumberRequest, UpdatePhoneNumberResponse>((ctx, input) => {
    const n = resolveNumber(ctx, input.PhoneNumberId!);
    const target = resolveTarget(ctx, input.TargetArn, input.InstanceId);
    requireHomeRegion(ctx, target, "UpdatePhoneNumber");
    n.targetArn = target.arn;
    // The flows answered the number for its old target; the new one needs its own associations.
    n.contactFlowIdByRegion = {};
    return { PhoneNumberId: n.id, PhoneNumberArn: phoneNumberArn(n.region, n.account, n.id) };
  }),

  ReleasePhoneNumber: op<ReleasePhoneNumberRequest, Record<string, never>>((ctx, input) => {
    const n = resolveNumber(ctx, input.PhoneNumberId!);
    ctx.store.region(n.account, n.region).phoneNumbers.delete(n.id);
    return {};
  }),

  AssociatePhoneNumberContactFlow: op<AssociatePhoneNumberContactFlowRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const n = resolveNumber(ctx, input.PhoneNumberId!);
    if (owningInstanceId(ctx, n) !== instance.id) throw notFound("Phone number", input.PhoneNumberId!);
    const flow = requireRecord(instance.config.flows, input.ContactFlowId!, "Contact flow");
    if (flow.type !== "CONTACT_FLOW") throw invalidParameter(`Only CONTACT_FLOW flows can answer a phone number; ${flow.id} is ${flow.type}`);
    n.contactFlowIdByRegion[ctx.region] = flow.id;
    return {};
  }),

  DisassociatePhoneNumberContactFlow: op<DisassociatePhoneNumberContactFlowRequest, Record<string, never>>((ctx, input) => {
    requireInstance(ctx, input.InstanceId!);
    delete resolveNumber(ctx, input.PhoneNumberId!).contactFlowIdByRegion[ctx.region];
    return {};
  }),

  /** Phone numbers (of the instance or of its traffic distribution groups) visible here and their flows. */
  ListFlowAssociations: op<ListFlowAssociationsRequest, ListFlowAssociationsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    if (input.ResourceType !== undefined && input.ResourceType !== "VOICE_PHONE_NUMBER") return { FlowAssociationSummaryList: [] };
    const belongs = (n: PhoneNumberRecord): boolean => {
      const arn = parseConnectArn(n.targetArn);
      if (arn?.topType === "instance") return arn.topId === instance.id;
      if (arn?.topType === "traffic-distribution-group") return ctx.store.region(arn.account, arn.region).trafficDistributionGroups.get(arn.topId)?.instanceId === instance.id;
      return false;
    };
    const associated = ctx.store
      .all()
      .filter((state) => state.account === ctx.account)
      .flatMap((state) => [...state.phoneNumbers.values()])
      .filter((n) => n.contactFlowIdByRegion[ctx.region] !== undefined && belongs(n) && visibleRegions(ctx, n).includes(ctx.region));
    const page = paginate(associated, input, "ListFlowAssociations", `${ctx.account}/${ctx.region}/${instance.id}`);
    return {
      // Both are ARNs in the model (shape ARN), as the service returns them.
      FlowAssociationSummaryList: page.items.map((n) => ({
        ResourceId: phoneNumberArn(n.region, n.account, n.id),
        FlowId: instanceResourceArn(ctx.region, ctx.account, instance.id, "contactFlow", n.contactFlowIdByRegion[ctx.region]!),
        ResourceType: "VOICE_PHONE_NUMBER" as const,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  ListPhoneNumbersV2: op<ListPhoneNumbersV2Request, ListPhoneNumbersV2Response>((ctx, input) => {
    let targetArn: string | undefined;
    if (input.TargetArn !== undefined || input.InstanceId !== undefined) targetArn = resolveTarget(ctx, input.TargetArn, input.InstanceId).arn;
    const countries = (input.PhoneNumberCountryCodes ?? []).map((c, i) => requireEnum(`PhoneNumberCountryCodes[${i}]`, c, Object.values(PhoneNumberCountryCode)));
    const types = (input.PhoneNumberTypes ?? []).map((t, i) => requireEnum(`PhoneNumberTypes[${i}]`, t, Object.values(PhoneNumberType)));
    const matching = ctx.store
      .regionsOf(ctx.account)
      .flatMap((s) => [...s.phoneNumbers.values()])
      .filter((n) => visibleRegions(ctx, n).includes(ctx.region))
      .filter((n) => targetArn === undefined || n.targetArn === targetArn)
      .filter((n) => countries.length === 0 || countries.includes(n.countryCode as PhoneNumberCountryCode))
      .filter((n) => types.length === 0 || types.includes(n.type as PhoneNumberType))
      .filter((n) => input.PhoneNumberPrefix === undefined || n.phoneNumber.startsWith(input.PhoneNumberPrefix));
    const page = paginate(matching, input, "ListPhoneNumbersV2", JSON.stringify([targetArn, countries, types, input.PhoneNumberPrefix]));
    return {
      ListPhoneNumbersSummaryList: page.items.map((n) => {
        const instanceId = targetInstanceId(n);
        return {
          PhoneNumberId: n.id,
          PhoneNumberArn: phoneNumberArn(n.region, n.account, n.id),
          PhoneNumber: n.phoneNumber,
          PhoneNumberCountryCode: n.countryCode as PhoneNumberCountryCode,
          PhoneNumberType: n.type as PhoneNumberType,
          TargetArn: n.targetArn,
          ...(instanceId ? { InstanceId: instanceId } : {}),
          ...(n.description !== undefined ? { PhoneNumberDescription: n.description } : {}),
        };
      }),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  ListPhoneNumbers: op<ListPhoneNumbersRequest, ListPhoneNumbersResponse>((ctx, input) => {
    const instance = findInstance(ctx, input.InstanceId!);
    const countries = (input.PhoneNumberCountryCodes ?? []).map((c, i) => requireEnum(`PhoneNumberCountryCodes[${i}]`, c, Object.values(PhoneNumberCountryCode)));
    const types = (input.PhoneNumberTypes ?? []).map((t, i) => requireEnum(`PhoneNumberTypes[${i}]`, t, Object.values(PhoneNumberType)));
    const matching = [...ctx.regionState.phoneNumbers.values()]
      .filter((n) => targetInstanceId(n) === instance.id)
      .filter((n) => countries.length === 0 || countries.includes(n.countryCode as PhoneNumberCountryCode))
      .filter((n) => types.length === 0 || types.includes(n.type as PhoneNumberType));
    const page = paginate(matching, input, "ListPhoneNumbers", JSON.stringify([instance.id, countries, types]));
    return {
      PhoneNumberSummaryList: page.items.map((n) => ({
        Id: n.id, Arn: phoneNumberArn(n.region, n.account, n.id), PhoneNumber: n.phoneNumber, PhoneNumberType: n.type as PhoneNumberType, PhoneNumberCountryCode: n.countryCode as PhoneNumberCountryCode,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),
};
