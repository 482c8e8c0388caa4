/**
 * MaxResults/NextToken pagination with opaque tokens.
 *
 * A token encodes the offset and the listing it belongs to (operation and scope), so a token from
 * one listing replayed against another is rejected, as the service rejects foreign tokens, with the
 * operation's listed validation error. The MaxResults range itself is the model's to enforce
 * (`model/`, before the handler); here unset MaxResults means `defaultSize`.
 */
import { ServiceError } from "./errors";
import { validationErrorOf } from "./model/connect-model";

/**
 * Page sizes of a list operation. `max` is the model's MaxResults maximum (a spec holds it to the
 * model); `defaultSize` the service's documented default.
 */
export interface PageLimits {
  readonly max: number;
  readonly defaultSize: number;
}

/** Documented MaxResults maxima (and service defaults) of the list operations the simulator serves. */
export const PAGE_LIMITS: Readonly<Record<string, PageLimits>> = {
  ListInstances: { max: 10, defaultSize: 10 },
  ListInstanceAttributes: { max: 7, defaultSize: 7 },
  ListInstanceStorageConfigs: { max: 10, defaultSize: 10 },
  ListIntegrationAssociations: { max: 100, defaultSize: 100 },
  ListLambdaFunctions: { max: 25, defaultSize: 25 },
  ListBots: { max: 25, defaultSize: 25 },
  ListLexBots: { max: 25, defaultSize: 25 },
  ListHoursOfOperations: { max: 1000, defaultSize: 100 },
  ListQueues: { max: 1000, defaultSize: 100 },
  ListQueueQuickConnects: { max: 100, defaultSize: 100 },
  ListRoutingProfiles: { max: 1000, defaultSize: 100 },
  ListRoutingProfileQueues: { max: 100, defaultSize: 100 },
  ListContactFlows: { max: 1000, defaultSize: 100 },
  ListContactFlowModules: { max: 1000, defaultSize: 100 },
  ListPrompts: { max: 1000, defaultSize: 100 },
  ListQuickConnects: { max: 1000, defaultSize: 100 },
  ListSecurityProfiles: { max: 1000, defaultSize: 100 },
  ListSecurityProfilePermissions: { max: 1000, defaultSize: 100 },
  ListSecurityProfileApplications: { max: 1000, defaultSize: 100 },
  ListUserHierarchyGroups: { max: 1000, defaultSize: 100 },
  ListAgentStatuses: { max: 1000, defaultSize: 100 },
  ListUsers: { max: 1000, defaultSize: 100 },
  ListPhoneNumbers: { max: 1000, defaultSize: 100 },
  ListPhoneNumbersV2: { max: 1000, defaultSize: 100 },
  ListFlowAssociations: { max: 1000, defaultSize: 100 },
  ListTrafficDistributionGroups: { max: 10, defaultSize: 10 },
  ListTrafficDistributionGroupUsers: { max: 10, defaultSize: 10 },
  GetMetricDataV2: { max: 100, defaultSize: 100 },
  GetCurrentMetricData: { max: 100, defaultSize: 100 },
};

/** One page of a listing. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

interface TokenBody {
  readonly v: 1;
  /** Listing the token belongs to. */
  readonly l: string;
  /** Offset of the next item. */
  readonly o: number;
}

/**
 * Returns the page of `items` that `MaxResults`/`NextToken` select.
 * @param operation the operation name, for its limits and to bind the token
 * @param scope what else identifies the listing (instance id, filters), to bind the token
 */
export function paginate<T>(
  items: readonly T[],
  request: { readonly MaxResults?: number; readonly NextToken?: string },
  operation: string,
  scope: string,
): Page<T> {
  const size = request.MaxResults ?? PAGE_LIMITS[operation]?.defaultSize ?? 100;
  const listing = `${operation}|${scope}`;
  let offset = 0;
  if (request.NextToken !== undefined) {
    offset = decodeToken(request.NextToken, listing, operation);
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: page, nextToken: encodeToken({ v: 1, l: listing, o: next }) } : { items: page };
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decodeToken(token: string, listing: string, operation: string): number {
  try {
    const body = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as TokenBody;
    if (body.v === 1 && body.l === listing && Number.isInteger(body.o) && body.o >= 0) return body.o;
  } catch {
    // fall through to the service's error
  }
  throw new ServiceError(validationErrorOf(operation), "The NextToken is not valid for this request");
}
