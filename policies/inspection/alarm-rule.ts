/**
 * The alarms a CloudWatch composite alarm rule names. Functions are `ALARM(...)`, `OK(...)` and
 * `INSUFFICIENT_DATA(...)`, each naming one alarm by name or ARN, quoted or not (PutCompositeAlarm's
 * AlarmRule documentation); `AND`, `OR`, `NOT`, `TRUE`, `FALSE` and parentheses combine them.
 */

/** One alarm a rule names. */
export interface AlarmReference {
    /** As written in the rule (name or ARN). */
    readonly reference: string;
    readonly name: string;
    /** Set when the reference is an ARN. */
    readonly region?: string;
    readonly account?: string;
}

const FUNCTION_CALL = /\b(ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"([^"]*)"|([^()"\s][^()"]*?))\s*\)/g;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;

/** Parses an alarm ARN (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`), or undefined. */
export function parseAlarmArn(arn: string): { region: string; account: string; name: string } | undefined {
    const match = ALARM_ARN.exec(arn);
    return match ? { region: match[1], account: match[2], name: match[3] } : undefined;
}

/** The alarm ARN of a name in an account and Region. */
export function alarmArn(region: string, account: string, name: string): string {
    return `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`;
}

/** Every alarm the rule names, in order, duplicates removed. */
export function alarmRuleReferences(rule: string): AlarmReference[] {
    const seen = new Set<string>();
    const references: AlarmReference[] = [];
    for (const match of rule.matchAll(FUNCTION_CALL)) {
        const reference = (match[2] ?? match[3]).trim();
        if (seen.has(reference)) {
            continue;
        }
        seen.add(reference);
        const arn = parseAlarmArn(reference);
        references.push(arn ? { reference, ...arn } : { reference, name: reference });
    }
    return references;
}
