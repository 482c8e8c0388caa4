/**
 * `--format preview-json`: per stack, the document `pulumi preview --json` prints for a stack that does
 * not exist yet, built from the offline synthesis. The shape and field names are the engine's:
 * `display.PreviewDigest` (config, steps, changeSummary, duration), each step a `display.PreviewStep`
 * (op, urn, provider, newState, detailedDiff) whose `newState` is an `apitype.ResourceV3` (urn, custom,
 * type, inputs, parent, provider, dependencies, propertyDependencies), as `ShowPreviewDigest` in
 * pulumi/pulumi's pkg/backend/display/json.go fills them from each step's ResourcePreEvent.
 *
 * What matches the engine: URNs qualified by the parent chain with the root stack as the parent of
 * top-level resources; provider references `<provider URN>::<id>` with the id unknown during a
 * preview; a `read` step for a StackReference; secrets as "[secret]"; `changeSummary` counting the
 * steps the engine counts (not the default providers, which are internal, nor reads).
 * What is the gate's own: `inputs` are what the program sends, before the provider's Check adds its
 * defaults, and values a provider computes are MockCloud's deterministic stand-ins, not unknowns.
 */
import type { SynthesizedRead, SynthesizedResource } from "./synthesis-messages";

/** The value the engine writes for an unknown (computed) value, and a provider id during a preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's text in place of a secret value (`massagePropertyValue` with showSecrets off). */
export const SECRET = "[secret]";
/** The signature key and secret signature of a serialized secret (`@pulumi/pulumi/runtime/rpc`). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** `apitype.ResourceV3`: the fields a create step's new state carries during a preview. */
export interface ResourceV3 {
  readonly urn: string;
  readonly custom: boolean;
  readonly id?: string;
  readonly type: string;
  readonly inputs?: Record<string, unknown>;
  readonly parent?: string;
  readonly provider?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly protect?: boolean;
}

/** `display.PreviewStep`. */
export interface PreviewStep {
  readonly op: "create" | "read";
  readonly urn: string;
  readonly provider?: string;
  readonly newState: ResourceV3;
  /** Only for updates; the engine writes `null` for a create (the field has no omitempty). */
  readonly detailedDiff: null;
}

/** `display.PreviewDigest`. */
export interface PreviewDigest {
  readonly config?: Readonly<Record<string, string>>;
  readonly steps: readonly PreviewStep[];
  readonly duration?: number;
  readonly changeSummary: Readonly<Record<string, number>>;
}

/** One stack's synthesis, as the gate holds it. */
export interface StackSynthesis {
  readonly project: string;
  readonly stack: string;
  /** The config map the program ran with (`project:key` -> string). */
  readonly config: Readonly<Record<string, string>>;
  /** Registrations in the order the engine received them. */
  readonly resources: readonly SynthesizedResource[];
  /** Reads (StackReference), each after `position` registrations. */
  readonly reads: readonly SynthesizedRead[];
  readonly milliseconds: number;
}

/** A value with every secret replaced by "[secret]", as the engine prints it without --show-secrets. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return SECRET;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

/** The qualified type of a URN: what a child's type is prefixed with (`parent$child`). */
function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** The digest `pulumi preview --json` prints for this stack, created from nothing. */
export function previewDigest(synthesis: StackSynthesis): PreviewDigest {
  const { project, stack } = synthesis;
  const prefix = `urn:pulumi:${stack}::${project}::`;
  const rootUrn = `${prefix}${ROOT_STACK_TYPE}::${project}-${stack}`;

  // The engine's URN of each synthesized resource: its type qualified by its parent's, the root stack
  // not counted (`resource/urn.New`).
  type Named = { urn: string; type: string; name: string; parent?: string };
  const byMockUrn = new Map<string, Named>([...synthesis.resources, ...synthesis.reads].map((r) => [r.urn, r]));
  const engineUrns = new Map<string, string>();
  const engineUrn = (r: Named): string => {
    const known = engineUrns.get(r.urn);
    if (known) return known;
    const parentRecord = r.parent ? byMockUrn.get(r.parent) : undefined;
    const parent = parentRecord ? engineUrn(parentRecord) : undefined;
    const urn = `${prefix}${parent ? `${qualifiedType(parent)}$` : ""}${r.type}::${r.name}`;
    engineUrns.set(r.urn, urn);
    return urn;
  };
  for (const r of byMockUrn.values()) engineUrn(r);
  const mapUrn = (urn: string): string => engineUrns.get(urn) ?? urn;

  // `<provider URN>::<id>`; a provider created by this preview has no id yet. Resources without an
  // explicit provider use their package's default provider (an internal step, so not listed).
  const providerRef = (r: SynthesizedResource | SynthesizedRead): string | undefined => {
    if (!r.custom || r.type.startsWith("pulumi:providers:")) return undefined;
    if (r.provider) return `${mapUrn(r.provider.urn)}::${UNKNOWN}`;
    return `${prefix}pulumi:providers:${r.type.split(":")[0]}::default::${UNKNOWN}`;
  };

  const step = (r: SynthesizedResource | SynthesizedRead, op: PreviewStep["op"]): PreviewStep => {
    const urn = mapUrn(r.urn);
    const provider = providerRef(r);
    const inputs = maskSecrets(r.properties) as Record<string, unknown>;
    const dependencies = (r.dependencies ?? []).map(mapUrn);
    const propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).filter(([, urns]) => urns.length > 0).map(([key, urns]) => [key, urns.map(mapUrn)]));
    return {
      op,
      urn,
      ...(provider ? { provider } : {}),
      newState: {
        urn,
        custom: r.custom,
        ...(op === "read" && "id" in r && r.id ? { id: r.id } : {}),
        type: r.type,
        ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
        parent: r.parent ? mapUrn(r.parent) : rootUrn,
        ...(provider ? { provider } : {}),
        ...(r.options?.protect ? { protect: true } : {}),
        ...(dependencies.length > 0 ? { dependencies } : {}),
        ...(Object.keys(propertyDependencies).length > 0 ? { propertyDependencies } : {}),
      },
      detailedDiff: null,
    };
  };

  const steps: PreviewStep[] = [{ op: "create", urn: rootUrn, newState: { urn: rootUrn, custom: false, type: ROOT_STACK_TYPE }, detailedDiff: null }];
  const readsAt = (position: number) => synthesis.reads.filter((r) => r.position === position).map((r) => step(r, "read"));
  synthesis.resources.forEach((r, i) => {
    steps.push(...readsAt(i), step(r, "create"));
  });
  steps.push(...synthesis.reads.filter((r) => r.position >= synthesis.resources.length).map((r) => step(r, "read")));

  return {
    ...(Object.keys(synthesis.config).length > 0 ? { config: { ...synthesis.config } } : {}),
    steps,
    // time.Duration marshals as nanoseconds.
    duration: Math.round(synthesis.milliseconds * 1e6),
    // The engine counts logical, non-internal steps: reads of unchanged state count as nothing.
    changeSummary: { create: steps.filter((s) => s.op === "create").length },
  };
}
