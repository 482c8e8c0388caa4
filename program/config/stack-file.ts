import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

/**
 * Offline reading of a stack's configuration, the way the Pulumi CLI assembles it before starting the
 * program: project-level values and defaults from `Pulumi.yaml`, overridden by `Pulumi.<stack>.yaml`;
 * every key namespaced (`project:key`); scalars as strings, lists and objects JSON-encoded. Used by
 * tests and the policy gate, where no CLI runs.
 */

type Yaml = Record<string, unknown>;

const isRecord = (v: unknown): v is Yaml => typeof v === "object" && v !== null && !Array.isArray(v);

function readYaml(file: string): Yaml {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const doc = yaml.load(text);
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) throw new Error(`${file}: expected a YAML mapping at the top level`);
  return doc;
}

/** The string Pulumi passes to a program for a config value. */
export function encodeConfigValue(key: string, value: unknown, file: string): string {
  if (isRecord(value) && "secure" in value) {
    throw new Error(`${file}: ${key} is a secret; secrets cannot be decrypted offline, set a plain value for tests`);
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) throw new Error(`${file}: ${key} has no value`);
  return JSON.stringify(value);
}

/** Qualifies a project-level key: `key` -> `project:key`; `ns:key` stays. */
function qualify(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

interface Declaration {
  readonly type?: string;
  readonly hasDefault: boolean;
  readonly default?: unknown;
}

function declarationOf(value: unknown): Declaration {
  // A declaration is an object with `type`; a plain value is a project-wide value.
  if (isRecord(value) && typeof value.type === "string") return { type: value.type, hasDefault: "default" in value, default: value.default };
  return { hasDefault: true, default: value };
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    default:
      return true;
  }
}

/**
 * The exact config map Pulumi passes to the program for `stack` (`connect-dr:key` -> string).
 * @param stack stack name, e.g. `primary` (reads `Pulumi.primary.yaml`)
 * @param projectDir folder holding `Pulumi.yaml` @default process.cwd()
 * @throws Error naming the file and key when a stack value has the wrong declared type, a declared key
 *   without default is unset, a stack key is not namespaced, or a value is a secret.
 */
export function readStackFileConfig(stack: string, projectDir: string = process.cwd()): Record<string, string> {
  const projectFile = path.join(projectDir, "Pulumi.yaml");
  const project = readYaml(projectFile);
  const projectName = project.name;
  if (typeof projectName !== "string") throw new Error(`${projectFile}: missing 'name'`);
  const stackDir = typeof project.stackConfigDir === "string" ? path.resolve(projectDir, project.stackConfigDir) : projectDir;
  const stackFile = path.join(stackDir, `Pulumi.${stack}.yaml`);
  const stackDoc = readYaml(stackFile);
  const stackConfig = stackDoc.config ?? {};
  if (!isRecord(stackConfig)) throw new Error(`${stackFile}: 'config' must be a mapping`);

  const declarations = new Map<string, Declaration>();
  const projectConfig = project.config ?? {};
  if (!isRecord(projectConfig)) throw new Error(`${projectFile}: 'config' must be a mapping`);
  for (const [key, value] of Object.entries(projectConfig)) declarations.set(qualify(key, projectName), declarationOf(value));

  const result: Record<string, string> = {};
  for (const [key, declaration] of declarations) {
    if (declaration.hasDefault) result[key] = encodeConfigValue(key, declaration.default, projectFile);
  }
  for (const [key, value] of Object.entries(stackConfig)) {
    if (!key.includes(":")) throw new Error(`${stackFile}: config key '${key}' must be namespaced, e.g. '${projectName}:${key}'`);
    const type = declarations.get(key)?.type;
    if (type && !matchesType(type, value)) {
      throw new Error(`${stackFile}: ${key} = ${JSON.stringify(value)} is not of the type '${type}' declared in ${projectFile}`);
    }
    result[key] = encodeConfigValue(key, value, stackFile);
  }
  for (const [key, declaration] of declarations) {
    if (!(key in result) && declaration.type) throw new Error(`${stackFile}: missing required configuration value '${key}' (declared in ${projectFile} without default)`);
  }
  return result;
}
