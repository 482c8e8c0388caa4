import { type ConfigProblem, formatKeyPath, listAllowed } from "./config-problem";
import { acgrPairProblem } from "./region-pairs";
import { CALLING_CODES, countryOfNumber, pairCountries } from "./phone-number-countries";
import { E164_PATTERN, PHONE_NUMBER_ARN_PATTERN, REGION_PATTERN, ROLE_ARN_PATTERN } from "./schema";
import { AURORA_ENGINES, RDS_ENGINES, isIpv4Cidr, cidrContains, isRfc1918Cidr } from "../../components/runtime";
import { dnsFailoverSeconds } from "./recovery-objectives";

/**
 * Checks that span keys or entries (references by name, uniqueness, account and Region rules). They
 * read the raw config defensively, so that they still report while other parts of it are broken;
 * a value of the wrong type is skipped here because the schema already reports it.
 */

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isInt = (v: unknown): v is number => Number.isInteger(v);
const entries = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((e) => (isRecord(e) ? e : {})) : []);

/** The two DR Regions must form an ACGR pair, primary -> secondary. */
export function checkRegions(raw: Raw): ConfigProblem[] {
  const { primaryRegion, secondaryRegion } = raw;
  // A malformed Region is reported by the schema; pairing it would only repeat the problem.
  if (!isString(primaryRegion) || !isString(secondaryRegion) || !REGION_PATTERN.test(primaryRegion) || !REGION_PATTERN.test(secondaryRegion)) return [];
  const allowed = acgrPairProblem(primaryRegion, secondaryRegion);
  return allowed ? [{ path: formatKeyPath(["secondaryRegion"]), found: secondaryRegion, allowed }] : [];
}

/** With GDPR in force, both DR Regions must be among the Regions personal data may live in. */
export function checkGdpr(raw: Raw): ConfigProblem[] {
  const frameworks = Array.isArray(raw.complianceFrameworks) ? raw.complianceFrameworks : [];
  if (!frameworks.includes("gdpr")) return [];
  const allowedRegions = raw.gdprAllowedRegions;
  if (allowedRegions !== undefined && !Array.isArray(allowedRegions)) return [];
  const list = (allowedRegions ?? []) as unknown[];
  const drRegions = [raw.primaryRegion, raw.secondaryRegion].filter(isString);
  const missing = drRegions.filter((r) => !list.includes(r));
  if (list.length > 0 && missing.length === 0) return [];
  return [
    {
      path: formatKeyPath(["gdprAllowedRegions"]),
      found: allowedRegions,
      allowed: `a list of Regions that includes both DR Regions (${drRegions.join(", ")}), because gdpr is in complianceFrameworks`,
    },
  ];
}

const ACCOUNT_NAMES = ["management", "workload", "network", "backupVault"] as const;

/**
 * A role ARN must be in its own account; the management account hosts nothing else (SCPs do not apply
 * to it); the backup vault must be a different account from the workload it protects.
 */
export function checkAccounts(raw: Raw): ConfigProblem[] {
  if (!isRecord(raw.accounts)) return [];
  const accounts = raw.accounts;
  const problems: ConfigProblem[] = [];
  const idOf = (name: string): string | undefined => {
    const a = accounts[name];
    return isRecord(a) && isString(a.id) ? a.id : undefined;
  };
  for (const name of ACCOUNT_NAMES) {
    const a = accounts[name];
    if (!isRecord(a) || !isString(a.role) || !isString(a.id)) continue;
    const arnAccount = ROLE_ARN_PATTERN.exec(a.role)?.[2];
    if (arnAccount !== undefined && arnAccount !== a.id) {
      problems.push({
        path: formatKeyPath(["accounts", name, "role"]),
        found: a.role,
        allowed: `a role name, or a role ARN in account ${a.id} (accounts.${name}.id)`,
      });
    }
  }
  const management = idOf("management");
  for (const name of ["workload", "network", "backupVault"] as const) {
    if (management !== undefined && idOf(name) === management) {
      problems.push({
        path: formatKeyPath(["accounts", name, "id"]),
        found: management,
        allowed: "an account other than the management account (SCPs do not apply to the management account)",
      });
    }
  }
  const workload = idOf("workload");
  if (workload !== undefined && idOf("backupVault") === workload) {
    problems.push({
      path: formatKeyPath(["accounts", "backupVault", "id"]),
      found: workload,
      allowed: "an account other than the workload account (the vault must survive a compromised workload account)",
    });
  }
  return problems;
}

/**
 * Names must differ in more than case and punctuation: components derive child names from a slug of
 * each name (`Sales Queue` -> `sales-queue`), so `Sales` and `SALES` would collide.
 */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function duplicateNames(list: Raw[], path: (string | number)[]): ConfigProblem[] {
  const seen = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  list.forEach((entry, index) => {
    if (!isString(entry.name)) return;
    const other = seen.get(nameKey(entry.name));
    if (other !== undefined) {
      const same = other === entry.name ? "" : ` (names equal up to case and punctuation collide: ${JSON.stringify(other)})`;
      problems.push({ path: formatKeyPath([...path, index, "name"]), found: entry.name, allowed: `a name not used by another entry of ${path.join(".")}${same}` });
    } else seen.set(nameKey(entry.name), entry.name);
  });
  return problems;
}

function unknownReference(value: unknown, known: string[], path: (string | number)[], what: string): ConfigProblem[] {
  if (!isString(value) || known.includes(value)) return [];
  known = [...new Set(known)];
  return [{ path: formatKeyPath(path), found: value, allowed: known.length > 0 ? `the name of one of ${what}: ${listAllowed(known)}` : `the name of one of ${what} (none are defined)` }];
}

/**
 * Inside `connect`: unique names; queues name existing hours; routing profiles name existing queues,
 * once per channel, on channels they give a media concurrency; voice concurrency is 1.
 */
export function checkConnectReferences(raw: Raw): ConfigProblem[] {
  if (!isRecord(raw.connect)) return [];
  const connect = raw.connect;
  const hours = entries(connect.hoursOfOperation);
  const queues = entries(connect.queues);
  const profiles = entries(connect.routingProfiles);
  const flows = entries(connect.flows);
  const problems: ConfigProblem[] = [
    ...duplicateNames(hours, ["connect", "hoursOfOperation"]),
    ...duplicateNames(queues, ["connect", "queues"]),
    ...duplicateNames(profiles, ["connect", "routingProfiles"]),
    ...duplicateNames(flows, ["connect", "flows"]),
  ];
  const hoursNames = hours.map((h) => h.name).filter(isString);
  const queueNames = queues.map((q) => q.name).filter(isString);
  queues.forEach((q, i) => {
    problems.push(...unknownReference(q.hoursOfOperation, hoursNames, ["connect", "queues", i, "hoursOfOperation"], "connect.hoursOfOperation"));
  });
  profiles.forEach((profile, p) => {
    const base = ["connect", "routingProfiles", p];
    problems.push(...unknownReference(profile.defaultOutboundQueue, queueNames, [...base, "defaultOutboundQueue"], "connect.queues"));
    const concurrencies = entries(profile.mediaConcurrencies);
    const channelsWithConcurrency = new Set<string>();
    concurrencies.forEach((m, i) => {
      if (!isString(m.channel)) return;
      if (channelsWithConcurrency.has(m.channel)) {
        problems.push({ path: formatKeyPath([...base, "mediaConcurrencies", i, "channel"]), found: m.channel, allowed: "a channel not listed before in this routing profile's mediaConcurrencies" });
      }
      channelsWithConcurrency.add(m.channel);
      if (m.channel === "VOICE" && isInt(m.concurrency) && m.concurrency !== 1) {
        problems.push({ path: formatKeyPath([...base, "mediaConcurrencies", i, "concurrency"]), found: m.concurrency, allowed: "1 (an agent takes one voice contact at a time)" });
      }
    });
    const seenPairs = new Set<string>();
    entries(profile.queues).forEach((q, i) => {
      problems.push(...unknownReference(q.queue, queueNames, [...base, "queues", i, "queue"], "connect.queues"));
      if (!isString(q.channel)) return;
      if (!channelsWithConcurrency.has(q.channel)) {
        problems.push({
          path: formatKeyPath([...base, "queues", i, "channel"]),
          found: q.channel,
          allowed: `a channel this routing profile has a media concurrency for: ${listAllowed([...channelsWithConcurrency])}`,
        });
      }
      const pair = `${String(q.queue)}\u0000${q.channel}`;
      if (seenPairs.has(pair)) {
        problems.push({ path: formatKeyPath([...base, "queues", i]), found: { queue: q.queue, channel: q.channel }, allowed: "each (queue, channel) once per routing profile" });
      }
      seenPairs.add(pair);
    });
  });
  return problems;
}

/** The parts of `connect` that ACGR mirrors from the source instance. */
export const MIRRORED_CONNECT_KEYS = ["hoursOfOperation", "queues", "routingProfiles", "flows"] as const;

/**
 * Every resource is owned by one stack: the primary defines hours, queues and routing profiles (at
 * least one each); the secondary defines none of what ACGR mirrors.
 */
export function checkConnectOwnership(raw: Raw): ConfigProblem[] {
  if (!isRecord(raw.connect) || (raw.role !== "primary" && raw.role !== "secondary")) return [];
  const connect = raw.connect;
  const problems: ConfigProblem[] = [];
  for (const key of MIRRORED_CONNECT_KEYS) {
    const value = connect[key];
    if (!Array.isArray(value) && value !== undefined) continue;
    const count = value?.length ?? 0;
    if (raw.role === "primary" && key !== "flows" && count === 0) {
      problems.push({ path: formatKeyPath(["connect", key]), found: value, allowed: `a list of at least one entry (the primary stack creates connect.${key})` });
    }
    if (raw.role === "secondary" && count > 0) {
      problems.push({
        path: formatKeyPath(["connect", key]),
        found: value,
        allowed: `nothing in the secondary stack: ACGR mirrors connect.${key} from the primary instance, so only the primary stack's config lists them`,
      });
    }
  }
  return problems;
}

/** Object Lock must not outlast the retention period, or lifecycle expiry could never delete a recording. */
export function checkRecordings(recordings: { retentionDays: number; objectLock: { enabled: boolean; days: number } }): ConfigProblem[] {
  const { objectLock, retentionDays } = recordings;
  if (!objectLock.enabled || objectLock.days <= retentionDays) return [];
  return [{ path: formatKeyPath(["recordings", "objectLock", "days"]), found: objectLock.days, allowed: `at most recordings.retentionDays (${retentionDays})` }];
}

/** The failover record must live inside the hosted zone, with one endpoint per DR Region and no others. */
export function checkDns(raw: Raw): ConfigProblem[] {
  const dns = raw.dns;
  if (!isRecord(dns)) return [];
  const problems: ConfigProblem[] = [];
  const drRegions = [raw.primaryRegion, raw.secondaryRegion].filter((r): r is string => isString(r) && REGION_PATTERN.test(r));
  if (isRecord(dns.endpoints) && drRegions.length === 2) {
    const endpoints = dns.endpoints;
    const keys = Object.keys(endpoints);
    if (keys.length !== drRegions.length || !drRegions.every((r) => keys.includes(r))) {
      problems.push({ path: formatKeyPath(["dns", "endpoints"]), found: endpoints, allowed: `exactly one host name for each DR Region: ${drRegions.join(" and ")}` });
    }
  }
  return [...problems, ...checkRecordInZone(dns)];
}

function checkRecordInZone(dns: Raw): ConfigProblem[] {
  if (!isString(dns.hostedZoneName) || !isString(dns.recordName)) return [];
  const zone = dns.hostedZoneName.replace(/\.$/, "");
  const record = dns.recordName.replace(/\.$/, "");
  if (record === zone || record.endsWith(`.${zone}`)) return [];
  return [{ path: formatKeyPath(["dns", "recordName"]), found: dns.recordName, allowed: `a name inside the hosted zone ${zone} (e.g. contact.${zone})` }];
}

/** The RTO target must leave room for DNS to fail over at all. */
export function checkRecoveryObjectives(
  rtoSeconds: number,
  dns: { ttlSeconds: number; healthCheck: { requestIntervalSeconds: number; failureThreshold: number } },
): ConfigProblem[] {
  const floor = dnsFailoverSeconds(dns.healthCheck, dns.ttlSeconds);
  if (rtoSeconds >= floor) return [];
  const { requestIntervalSeconds, failureThreshold } = dns.healthCheck;
  return [
    {
      path: formatKeyPath(["rtoSeconds"]),
      found: rtoSeconds,
      allowed: `at least ${floor} (DNS failover alone takes ${requestIntervalSeconds} s x ${failureThreshold} checks + ${dns.ttlSeconds} s TTL)`,
    },
  ];
}

/** Amazon's default ASN for a new Direct Connect gateway. */
export const DEFAULT_DX_GATEWAY_ASN = 64512;

/**
 * A new Direct Connect gateway needs an ASN other than the customer's (eBGP); an existing one keeps its
 * own, so no ASN may be given with it. The virtual interface type decides which gateway is needed.
 */
export function checkDirectConnect(dx: {
  customerBgpAsn: number;
  amazonSideAsn?: number;
  gatewayId?: string;
  virtualInterfaceType: "private" | "transit";
  vpnGatewayId?: string;
  transitGatewayId?: string;
}, hasVpc = false): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const [wanted, unwanted] = dx.virtualInterfaceType === "private" ? (["vpnGatewayId", "transitGatewayId"] as const) : (["transitGatewayId", "vpnGatewayId"] as const);
  // With connect-dr:vpc the private virtual interface and the VPN attach to that VPC's own gateway.
  const ownGateway = hasVpc && dx.virtualInterfaceType === "private";
  if (ownGateway && dx.vpnGatewayId !== undefined) {
    problems.push({ path: formatKeyPath(["directConnect", "vpnGatewayId"]), found: dx.vpnGatewayId, allowed: "nothing with connect-dr:vpc: the VPC's own virtual private gateway is used" });
  } else if (!ownGateway && dx[wanted] === undefined) {
    problems.push({ path: formatKeyPath(["directConnect", wanted]), found: undefined, allowed: `a gateway id (required with virtualInterfaceType ${dx.virtualInterfaceType})` });
  }
  if (dx[unwanted] !== undefined) {
    problems.push({ path: formatKeyPath(["directConnect", unwanted]), found: dx[unwanted], allowed: `nothing with virtualInterfaceType ${dx.virtualInterfaceType} (set ${wanted} instead)` });
  }
  if (dx.gatewayId !== undefined && dx.amazonSideAsn !== undefined) {
    problems.push({ path: formatKeyPath(["directConnect", "amazonSideAsn"]), found: dx.amazonSideAsn, allowed: "nothing with directConnect.gatewayId (the existing gateway keeps its own ASN)" });
  }
  const amazonSideAsn = dx.amazonSideAsn ?? DEFAULT_DX_GATEWAY_ASN;
  if (dx.gatewayId === undefined && dx.customerBgpAsn === amazonSideAsn) {
    problems.push({ path: formatKeyPath(["directConnect", "customerBgpAsn"]), found: dx.customerBgpAsn, allowed: `an ASN other than the gateway's Amazon-side ASN (${amazonSideAsn})` });
  }
  return problems;
}

/**
 * Provisioned concurrency applies to the Connect-facing functions only (`connect.lambdaFunctionNames`),
 * and each ceiling must reach its floor (and at least 1).
 */
export function checkLambdaAutoScaling(raw: Raw): ConfigProblem[] {
  const scaling = raw.lambdaAutoScaling;
  if (!isRecord(scaling) || !isRecord(scaling.functions)) return [];
  const problems: ConfigProblem[] = [];
  const connect = isRecord(raw.connect) ? raw.connect : {};
  const known = Array.isArray(connect.lambdaFunctionNames) ? connect.lambdaFunctionNames.filter(isString) : [];
  const min = isInt(scaling.minProvisionedConcurrency) ? scaling.minProvisionedConcurrency : 1;
  const max = scaling.maxProvisionedConcurrency;
  // A ceiling under 1 is the schema's to report.
  if (isInt(max) && max >= 1 && max < min) {
    problems.push({ path: formatKeyPath(["lambdaAutoScaling", "maxProvisionedConcurrency"]), found: max, allowed: `at least lambdaAutoScaling.minProvisionedConcurrency (${min})` });
  }
  for (const [name, fn] of Object.entries(scaling.functions)) {
    if (!known.includes(name)) {
      problems.push({
        path: formatKeyPath(["lambdaAutoScaling", "functions", name]),
        found: name,
        allowed: known.length > 0 ? `a function of connect.lambdaFunctionNames: ${listAllowed(known)}` : "a function of connect.lambdaFunctionNames (none are listed)",
      });
    }
    if (!isRecord(fn)) continue;
    const fnMin = isInt(fn.minProvisionedConcurrency) ? fn.minProvisionedConcurrency : min;
    const fnMax = isInt(fn.maxProvisionedConcurrency) ? fn.maxProvisionedConcurrency : max;
    if (isInt(fnMax) && fnMax < fnMin && (fn.minProvisionedConcurrency !== undefined || fn.maxProvisionedConcurrency !== undefined)) {
      const key = fn.maxProvisionedConcurrency !== undefined ? "maxProvisionedConcurrency" : "minProvisionedConcurrency";
      problems.push({
        path: formatKeyPath(["lambdaAutoScaling", "functions", name, key]),
        found: fn[key],
        allowed: key === "maxProvisionedConcurrency" ? `at least this function's minProvisionedConcurrency (${fnMin})` : `at most lambdaAutoScaling.maxProvisionedConcurrency (${String(fnMax)})`,
      });
    }
  }
  return problems;
}

/** The edge entry spans both Regions: the secondary stack owns it, with an origin in each DR Region. */
export function checkEdge(raw: Raw): ConfigProblem[] {
  const edge = raw.edge;
  if (edge === undefined) return [];
  if (raw.role === "primary") {
    return [{ path: formatKeyPath(["edge"]), found: edge, allowed: "nothing in the primary stack: the secondary stack owns the edge entry of both Regions, so only its config lists it" }];
  }
  if (!isRecord(edge) || !isRecord(edge.origins)) return [];
  const drRegions = [raw.primaryRegion, raw.secondaryRegion].filter((r): r is string => typeof r === "string");
  const regions = Object.keys(edge.origins).sort();
  if (regions.length === drRegions.length && drRegions.every((r) => regions.includes(r))) return [];
  return [{ path: formatKeyPath(["edge", "origins"]), found: edge.origins, allowed: `an origin for each DR Region and no other: ${drRegions.join(" and ")}` }];
}

/** The operator roles belong to the failover automation, which the secondary stack owns for both Regions. */
export function checkFailoverOperators(raw: Raw): ConfigProblem[] {
  if (raw.failoverOperators === undefined || raw.role !== "primary") return [];
  return [{ path: formatKeyPath(["failoverOperators"]), found: raw.failoverOperators, allowed: "nothing in the primary stack: the secondary stack owns the failover automation (and its operator roles) of both Regions" }];
}

/** SCPs are organization-wide: the primary stack owns them, with the management account's provider. */
export function checkGovernance(raw: Raw): ConfigProblem[] {
  if (raw.governance === undefined || raw.role !== "secondary") return [];
  return [
    {
      path: formatKeyPath(["governance"]),
      found: raw.governance,
      allowed: "nothing in the secondary stack: the primary stack owns the organization's SCPs, so only its config lists them",
    },
  ];
}

/**
 * The SIP health checks are global (Route 53) with their alarms in us-east-1: the secondary stack owns
 * them for both Regions, as it owns the DNS failover; each DR Region needs at least one endpoint.
 */
export function checkTelephony(raw: Raw): ConfigProblem[] {
  const telephony = raw.telephony;
  if (telephony === undefined) return [];
  if (raw.role === "primary") {
    return [
      {
        path: formatKeyPath(["telephony"]),
        found: telephony,
        allowed: "nothing in the primary stack: the secondary stack owns the SIP health checks of both Regions (Route 53 is global), so only its config lists them",
      },
    ];
  }
  if (!isRecord(telephony) || !isRecord(telephony.endpoints)) return [];
  const endpoints = telephony.endpoints;
  const drRegions = [raw.primaryRegion, raw.secondaryRegion].filter((r): r is string => isString(r) && REGION_PATTERN.test(r));
  const problems: ConfigProblem[] = [];
  const keys = Object.keys(endpoints);
  if (drRegions.length === 2 && (keys.length !== 2 || !drRegions.every((r) => keys.includes(r)))) {
    problems.push({ path: formatKeyPath(["telephony", "endpoints"]), found: endpoints, allowed: `SIP endpoints for each DR Region and no other: ${drRegions.join(" and ")}` });
  }
  for (const [region, list] of Object.entries(endpoints)) {
    if (isRecord(list) && Object.keys(list).length === 0) {
      problems.push({ path: formatKeyPath(["telephony", "endpoints", region]), found: list, allowed: "at least one SIP endpoint, by name" });
    }
  }
  return problems;
}

/** A CRM integration needs at least one CRM. */
export function checkCrm(raw: Raw): ConfigProblem[] {
  const crm = raw.crm;
  if (!isRecord(crm) || crm.salesforce !== undefined || crm.servicenow !== undefined) return [];
  return [{ path: formatKeyPath(["crm"]), found: crm, allowed: "at least one of salesforce or servicenow (leave connect-dr:crm unset for no CRM integration)" }];
}

/**
 * The database spans both Regions, so the primary stack owns it; its engine must fit its mode, its
 * parameter group family its engine, its networks cover exactly the DR Regions, and the storage or
 * instance keys apply to one mode only.
 */
export function checkDatabase(raw: Raw): ConfigProblem[] {
  const db = raw.database;
  if (db === undefined) return [];
  if (raw.role === "secondary") {
    return [
      {
        path: formatKeyPath(["database"]),
        found: db,
        allowed: "nothing in the secondary stack: the primary stack owns the database of both Regions (its secondary half on the workload provider of the secondary Region)",
      },
    ];
  }
  if (!isRecord(db)) return [];
  const problems: ConfigProblem[] = [];
  const aurora = db.mode === "aurora-global";
  const engines: readonly string[] = aurora ? AURORA_ENGINES : RDS_ENGINES;
  if ((db.mode === "aurora-global" || db.mode === "rds-read-replica") && isString(db.engine) && [...AURORA_ENGINES, ...RDS_ENGINES].includes(db.engine as never) && !engines.includes(db.engine)) {
    problems.push({ path: formatKeyPath(["database", "engine"]), found: db.engine, allowed: `with mode ${db.mode}: ${listAllowed(engines)}` });
  }
  // An unknown engine is the schema's to report; a family cannot be checked against it.
  const knownEngine = isString(db.engine) && ([...AURORA_ENGINES, ...RDS_ENGINES] as readonly string[]).includes(db.engine);
  if (knownEngine && isString(db.engine) && isString(db.parameterGroupFamily) && !db.parameterGroupFamily.startsWith(db.engine)) {
    problems.push({ path: formatKeyPath(["database", "parameterGroupFamily"]), found: db.parameterGroupFamily, allowed: `a family of engine ${db.engine}, such as ${db.engine}16` });
  }
  const drRegions = [raw.primaryRegion, raw.secondaryRegion].filter((r): r is string => isString(r) && REGION_PATTERN.test(r));
  if (isRecord(db.networks) && drRegions.length === 2) {
    const keys = Object.keys(db.networks);
    if (keys.length !== 2 || !drRegions.every((r) => keys.includes(r))) {
      problems.push({ path: formatKeyPath(["database", "networks"]), found: db.networks, allowed: `a network for each DR Region and no other: ${drRegions.join(" and ")}` });
    }
  }
  const onlyFor = aurora ? ["allocatedStorageGb", "maxAllocatedStorageGb"] : ["primaryInstanceNames", "secondaryInstanceNames"];
  if (db.mode === "aurora-global" || db.mode === "rds-read-replica") {
    for (const key of onlyFor) {
      if (db[key] !== undefined) problems.push({ path: formatKeyPath(["database", key]), found: db[key], allowed: `nothing with mode ${db.mode} (applies to mode ${aurora ? "rds-read-replica" : "aurora-global"} only)` });
    }
  }
  if (!aurora && isInt(db.maxAllocatedStorageGb)) {
    const allocated = isInt(db.allocatedStorageGb) ? db.allocatedStorageGb : 100;
    if (db.maxAllocatedStorageGb < allocated) problems.push({ path: formatKeyPath(["database", "maxAllocatedStorageGb"]), found: db.maxAllocatedStorageGb, allowed: `at least allocatedStorageGb (${allocated})` });
  }
  return problems;
}

/**
 * The traffic distribution group must carry something failover can move: the secondary stack (which
 * owns the group) lists at least one phone number, each either claimed into the group or moved into
 * it (never both, never twice), of a country of the DR Regions, a moved ARN from the source Region
 * and workload account; and the agents to associate. The primary stack lists none.
 */
export function checkTrafficDistribution(raw: Raw): ConfigProblem[] {
  const td = raw.trafficDistribution;
  if (raw.role === "primary") {
    if (td === undefined) return [];
    return [{ path: formatKeyPath(["trafficDistribution"]), found: td, allowed: "nothing in the primary stack: the secondary stack owns the traffic distribution group, so only its config lists its numbers and agents" }];
  }
  if (raw.role !== "secondary") return [];
  if (td === undefined) {
    return [{ path: formatKeyPath(["trafficDistribution"]), found: undefined, allowed: "the numbers and agents of the traffic distribution group: { phoneNumbers: { <key>: { claim | move, flow } }, agents: { usernames, routingProfiles } } (a group without numbers moves no calls on failover)" }];
  }
  if (!isRecord(td)) return [];
  const problems: ConfigProblem[] = [];
  const regions = [raw.primaryRegion, raw.secondaryRegion].filter((r): r is string => isString(r) && REGION_PATTERN.test(r));
  const countries = pairCountries(regions);
  const countryText = countries.length ? `${listAllowed(countries)} (the countries of ${regions.join(" and ")})` : "a country of the DR Regions";
  if (isRecord(td.phoneNumbers)) {
    const entriesOf = Object.entries(td.phoneNumbers);
    if (entriesOf.length === 0) {
      problems.push({ path: formatKeyPath(["trafficDistribution", "phoneNumbers"]), found: td.phoneNumbers, allowed: "at least one number, by key (an empty group moves no calls on failover)" });
    }
    const moved = new Map<string, string>();
    for (const [key, entry] of entriesOf) {
      if (!isRecord(entry)) continue;
      const path = (...rest: string[]) => formatKeyPath(["trafficDistribution", "phoneNumbers", key, ...rest]);
      if (entry.claim !== undefined && entry.move !== undefined) {
        problems.push({ path: path(), found: { claim: entry.claim, move: entry.move }, allowed: "either claim (a new number claimed into the group) or move (an existing number), not both" });
      } else if (entry.claim === undefined && entry.move === undefined) {
        problems.push({ path: path(), found: entry, allowed: "claim: { countryCode, type, prefix? } for a new number, or move: <E.164 or ARN> for an existing one" });
      }
      if (isRecord(entry.claim) && isString(entry.claim.countryCode) && countries.length) {
        const country = entry.claim.countryCode;
        if (!countries.includes(country)) {
          problems.push({ path: path("claim", "countryCode"), found: country, allowed: countryText });
        } else if (isString(entry.claim.prefix) && !`+${entry.claim.prefix.replace(/^\+/, "")}`.startsWith(CALLING_CODES[country]!)) {
          problems.push({ path: path("claim", "prefix"), found: entry.claim.prefix, allowed: `digits of a ${country} number, starting with its country code ${CALLING_CODES[country]}` });
        }
      }
      if (!isString(entry.move)) continue;
      const other = moved.get(entry.move);
      if (other !== undefined) problems.push({ path: path("move"), found: entry.move, allowed: `a number no other entry moves (trafficDistribution.phoneNumbers.${other} moves it too)` });
      else moved.set(entry.move, key);
      if (E164_PATTERN.test(entry.move) && countries.length && countryOfNumber(entry.move, countries) === undefined) {
        problems.push({ path: path("move"), found: entry.move, allowed: `a number of ${countryText}` });
      }
      const arn = PHONE_NUMBER_ARN_PATTERN.exec(entry.move);
      const workload = isRecord(raw.accounts) && isRecord(raw.accounts.workload) && isString(raw.accounts.workload.id) ? raw.accounts.workload.id : undefined;
      if (arn && ((isString(raw.primaryRegion) && arn[1] !== raw.primaryRegion) || (workload !== undefined && arn[2] !== workload))) {
        problems.push({ path: path("move"), found: entry.move, allowed: `a number claimed in the source Region ${String(raw.primaryRegion)}${workload ? ` by the workload account ${workload}` : ""} (only those can join the group)` });
      }
    }
  }
  const agents = isRecord(td.agents) ? td.agents : td.agents === undefined ? {} : undefined;
  if (agents) {
    const usernames = Array.isArray(agents.usernames) ? agents.usernames : [];
    const profiles = Array.isArray(agents.routingProfiles) ? agents.routingProfiles : [];
    if (usernames.length === 0 && profiles.length === 0) {
      problems.push({ path: formatKeyPath(["trafficDistribution", "agents"]), found: td.agents, allowed: "at least one username or routing profile: agents not associated with the group cannot sign in to the replica Region" });
    }
    const seen = new Set<unknown>();
    usernames.forEach((u, i) => {
      if (seen.has(u)) problems.push({ path: formatKeyPath(["trafficDistribution", "agents", "usernames", i]), found: u, allowed: "a username not listed before" });
      seen.add(u);
    });
  }
  return problems;
}

/** The VPC's zones are zones of this stack's Region. */
export function checkVpc(raw: Raw): ConfigProblem[] {
  const vpc = raw.vpc;
  if (raw.role !== "primary" && raw.role !== "secondary") return [];
  const here = raw.role === "primary" ? raw.primaryRegion : raw.secondaryRegion;
  if (!isRecord(vpc) || !Array.isArray(vpc.availabilityZones) || typeof here !== "string") return [];
  return vpc.availabilityZones
    .map((zone, i) => [zone, i] as const)
    .filter(([zone]) => typeof zone === "string" && !new RegExp(`^${here}[a-z]$`).test(zone))
    .map(([zone, i]) => ({ path: formatKeyPath(["vpc", "availabilityZones", i]), found: zone, allowed: `a zone of this stack's Region ${here}, such as ${here}a` }))
    .concat(checkVpcPrefixes(raw));
}

/**
 * A private virtual interface reaches the VPC only if an allowed prefix of the Direct Connect gateway
 * association is the VPC's block or wider (AWS provisions the whole VPC block on the gateway).
 */
function checkVpcPrefixes(raw: Raw): ConfigProblem[] {
  const vpc = raw.vpc;
  const dx = raw.directConnect;
  if (!isRecord(vpc) || !isRecord(dx) || (dx.virtualInterfaceType ?? "private") !== "private") return [];
  const cidr = vpc.cidrBlock;
  const prefixes = Array.isArray(dx.allowedPrefixes) ? dx.allowedPrefixes.filter(isIpv4Cidr) : [];
  // A block the schema refuses is reported there, once.
  if (!isIpv4Cidr(cidr) || !isRfc1918Cidr(cidr) || prefixes.some((p) => cidrContains(p, cidr))) return [];
  return [{ path: formatKeyPath(["directConnect", "allowedPrefixes"]), found: dx.allowedPrefixes, allowed: `a prefix equal to or wider than the VPC's block ${cidr} (connect-dr:vpc.cidrBlock)` }];
}

/** The peer probes of both Regions are the secondary stack's (like the failover automation they trigger). */
export function checkPeerProbeOwner(raw: Raw): ConfigProblem[] {
  if (raw.role !== "primary" || raw.peerProbe === undefined) return [];
  return [{ path: formatKeyPath(["peerProbe"]), found: raw.peerProbe, allowed: "nothing in the primary stack: the secondary stack owns the peer probes of both Regions, so only its config sets them" }];
}

/** An alarm needs no more breaching points than it evaluates. */
export function checkPeerProbe(peerProbe: { datapointsToAlarm: number; evaluationPeriods: number }): ConfigProblem[] {
  if (peerProbe.datapointsToAlarm <= peerProbe.evaluationPeriods) return [];
  return [{ path: formatKeyPath(["peerProbe", "datapointsToAlarm"]), found: peerProbe.datapointsToAlarm, allowed: `at most peerProbe.evaluationPeriods (${peerProbe.evaluationPeriods})` }];
}
