import * as pulumi from "@pulumi/pulumi";
import { unknownNamespaceProblems } from "./config-namespaces";
import { CONFIG_NAMESPACE, type ConfigProblem } from "./config-problem";
import { readFlowFiles, unaliasedLambdaCalls } from "./flow-files";
import { STRING_KEYS, TOP_LEVEL_SCHEMAS, type TopLevelKey } from "./schema";
import { type StackConfig, StackConfigError, checkStackConfig } from "./stack-config";

/**
 * Turns the strings Pulumi hands a program into raw values: plain strings for the string keys, JSON
 * for the rest (numbers, booleans, lists and objects arrive JSON-encoded). A value that is not JSON is
 * kept as the string it is, so the schema reports it with the value the user wrote.
 */
export function decodeConfigValue(key: string, text: string): unknown {
  if ((STRING_KEYS as readonly string[]).includes(key)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Raw config from a Pulumi config map (`connect-dr:key` -> string), other namespaces ignored. */
export function rawConfigFromMap(all: Readonly<Record<string, string>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const prefix = `${CONFIG_NAMESPACE}:`;
  for (const [fullKey, text] of Object.entries(all)) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    raw[key] = decodeConfigValue(key, text);
  }
  return raw;
}

/**
 * Validates a whole Pulumi config map (`namespace:key` -> string, as Pulumi hands it to a program or
 * `readStackFileConfig` reads it): keys in a namespace nothing reads (`conect-dr:rtoSeconds`) and every
 * problem of the project's own keys, together. Pure.
 */
export function checkConfigMap(all: Readonly<Record<string, string>>): { config?: StackConfig; problems: ConfigProblem[] } {
  const namespaceProblems = unknownNamespaceProblems(all, decodeConfigValue);
  const result = checkStackConfig(rawConfigFromMap(all));
  return namespaceProblems.length === 0 ? result : { problems: [...namespaceProblems, ...result.problems] };
}

export interface LoadStackConfigOptions {
  /** Folder the flow paths are relative to. @default the program's working directory (the project) */
  readonly projectDir?: string;
}

/**
 * Reads `connect-dr:*` config from the running Pulumi program, validates it, refuses keys in a
 * namespace that neither the project nor a provider reads, and checks that every flow file exists and
 * holds flow language.
 * @throws StackConfigError (a `pulumi.RunError`: printed without a stack trace) listing every problem.
 */
export function loadStackConfig(options: LoadStackConfigOptions = {}): StackConfig {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(TOP_LEVEL_SCHEMAS) as TopLevelKey[]) {
    const text = config.get(key);
    if (text !== undefined) raw[key] = decodeConfigValue(key, text);
  }
  // Keys the schema does not know (typos, also in the namespace) are only visible in the whole map.
  const all = pulumi.runtime.allConfig();
  for (const [key, value] of Object.entries(rawConfigFromMap(all))) {
    if (!(key in raw)) raw[key] = value;
  }
  const namespaceProblems = unknownNamespaceProblems(all, decodeConfigValue);
  const checked = checkStackConfig(raw);
  const problems = [...namespaceProblems, ...checked.problems];
  const parsed = namespaceProblems.length === 0 ? checked.config : undefined;
  const flowFiles = parsed ? readFlowFiles(parsed.connect.flows, options.projectDir ?? process.cwd()) : undefined;
  const flowProblems: ConfigProblem[] = flowFiles ? [...flowFiles.problems] : [];
  if (parsed?.lambdaAutoScaling && flowFiles) {
    const autoScaled = { functionNames: Object.keys(parsed.lambdaAutoScaling.functions), aliasName: parsed.lambdaAutoScaling.aliasName };
    flowProblems.push(...unaliasedLambdaCalls(parsed.connect.flows, flowFiles.contents, autoScaled));
  }
  if (!parsed || flowProblems.length > 0) throw new StackConfigError([...problems, ...flowProblems]);
  return parsed;
}
