/**
 * Reading IAM-style JSON policy documents (identity, bucket, key and SCP documents share the grammar).
 */

/** One statement, normalised: single strings become one-element lists. */
export interface PolicyStatement {
    readonly sid?: string;
    readonly effect: string;
    readonly actions: readonly string[];
    readonly notActions: readonly string[];
    readonly resources: readonly string[];
    readonly notResources: readonly string[];
    readonly principal: unknown;
    readonly condition: Record<string, Record<string, unknown>>;
}

/** Result of parsing a policy document. */
export type ParsedPolicyDocument =
    | { readonly ok: true; readonly statements: readonly PolicyStatement[] }
    | { readonly ok: false; readonly error: string };

function asList(value: unknown): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

/** Parses a document given as a JSON string or an already-decoded object. */
export function parsePolicyDocument(document: unknown): ParsedPolicyDocument {
    let decoded: unknown = document;
    if (typeof document === "string") {
        try {
            decoded = JSON.parse(document);
        } catch (error) {
            return { ok: false, error: `is not valid JSON (${(error as Error).message})` };
        }
    }
    if (decoded === null || typeof decoded !== "object" || Array.isArray(decoded)) {
        return { ok: false, error: "is not a JSON object" };
    }
    const raw = (decoded as Record<string, unknown>).Statement;
    if (raw === undefined) {
        return { ok: false, error: "has no Statement" };
    }
    const list = Array.isArray(raw) ? raw : [raw];
    const statements: PolicyStatement[] = [];
    for (const entry of list) {
        if (entry === null || typeof entry !== "object") {
            return { ok: false, error: "has a Statement that is not an object" };
        }
        const s = entry as Record<string, unknown>;
        statements.push({
            sid: typeof s.Sid === "string" ? s.Sid : undefined,
            effect: typeof s.Effect === "string" ? s.Effect : "",
            actions: asList(s.Action),
            notActions: asList(s.NotAction),
            resources: asList(s.Resource),
            notResources: asList(s.NotResource),
            principal: s.Principal,
            condition: (s.Condition && typeof s.Condition === "object" ? s.Condition : {}) as PolicyStatement["condition"],
        });
    }
    return { ok: true, statements };
}

/**
 * True if the statement allows every action on every resource: `Action: "*"` (or `NotAction`, which
 * grants everything but a list) with `Resource: "*"` (or `NotResource`). `s3:*` or `kms:*` are not
 * "every action"; they are left to least-privilege review.
 */
export function allowsEverythingOnEverything(statement: PolicyStatement): boolean {
    if (statement.effect !== "Allow") {
        return false;
    }
    const everyAction = statement.actions.includes("*") || statement.notActions.length > 0;
    const everyResource = statement.resources.includes("*") || statement.notResources.length > 0;
    return everyAction && everyResource;
}

/** True if the statement denies requests made without TLS (`aws:SecureTransport` = false). */
export function deniesInsecureTransport(statement: PolicyStatement): boolean {
    if (statement.effect !== "Deny") {
        return false;
    }
    const bool = statement.condition.Bool ?? statement.condition.bool;
    const value = bool?.["aws:SecureTransport"];
    const denied = Array.isArray(value) ? value : [value];
    return denied.some(v => v === false || v === "false");
}
