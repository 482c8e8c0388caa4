import { ARN_SEGMENT, type Kind } from "../model/kinds";
import { indexRecords, recordsOf, type ResourceRecord, type Snapshot } from "../model/snapshot";
import { findReferences } from "../references/content-references";
import { idOf, LINKS, valuesAt } from "../references/links";

/** One broken reference: which resource holds it, and what it points at. */
export interface ReferenceProblem {
  readonly kind: Kind;
  readonly id: string;
  readonly name: string;
  readonly reference: string;
  readonly problem: string;
}

/** Lambda functions and Lex bots declared outside the backup (mapping file). */
export interface DeclaredExternals {
  readonly lambda?: readonly string[];
  readonly lex?: readonly string[];
}

const KIND_OF_SEGMENT = new Map<string, Kind>(Object.entries(ARN_SEGMENT).map(([k, seg]) => [seg as string, k as Kind]));

/** Kinds whose `Content` holds flow language. */
export const CONTENT_KINDS: readonly Kind[] = ["flows", "flowModules"];

/**
 * Checks that every link and every ARN inside flow content points at a resource in the snapshot or
 * at a declared external (an associated Lambda function or Lex bot, or one in `externals`).
 * References into kinds the backup did not export are reported as `warnings`, not problems.
 */
export function checkReferences(snapshot: Snapshot, externals: DeclaredExternals = {}): { problems: ReferenceProblem[]; warnings: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  const warnings: ReferenceProblem[] = [];
  const exported = new Set(snapshot.kinds);
  const index = new Map<Kind, ReturnType<typeof indexRecords>>();
  const idx = (k: Kind) => {
    let i = index.get(k);
    if (!i) index.set(k, (i = indexRecords(recordsOf(snapshot, k))));
    return i;
  };
  const report = (r: ResourceRecord, reference: string, problem: string, target?: Kind) => {
    const p = { kind: r.kind, id: r.id, name: r.name, reference, problem };
    if (target && !exported.has(target)) warnings.push({ ...p, problem: `${problem} (kind "${target}" was not exported)` });
    else problems.push(p);
  };

  for (const link of LINKS) {
    for (const r of recordsOf(snapshot, link.kind)) {
      for (const v of valuesAt(r.data, link.path)) {
        if (!idx(link.target).byId.has(idOf(v)) && !idx(link.target).byId.has(v)) report(r, v, `${link.path} points to a ${link.target} resource that is not in the backup`, link.target);
      }
    }
  }

  const lambdaArns = new Set(recordsOf(snapshot, "lambdaFunctions").map((r) => r.id));
  const lambdaNames = new Set(recordsOf(snapshot, "lambdaFunctions").map((r) => r.name));
  const declaredLambda = new Set(externals.lambda ?? []);
  const lexIds = new Set(recordsOf(snapshot, "lexBots").map((r) => r.id));
  const declaredLex = new Set(externals.lex ?? []);

  for (const kind of CONTENT_KINDS) {
    for (const r of recordsOf(snapshot, kind)) {
      const content = typeof r.data.Content === "string" ? r.data.Content : "";
      for (const ref of findReferences(content)) {
        if (ref.type === "connect") {
          if (ref.instanceId !== snapshot.source.instanceId) {
            problems.push({ kind, id: r.id, name: r.name, reference: ref.arn, problem: `points into instance ${ref.instanceId}, not the backed-up instance ${snapshot.source.instanceId}` });
            continue;
          }
          const target = KIND_OF_SEGMENT.get(ref.segment);
          if (!target) {
            warnings.push({ kind, id: r.id, name: r.name, reference: ref.arn, problem: `unknown Connect resource type "${ref.segment}"` });
            continue;
          }
          if (!idx(target).byId.has(ref.id)) report(r, ref.arn, `points to a ${target} resource that is not in the backup`, target);
        } else if (ref.type === "lambda") {
          const ok = lambdaArns.has(ref.arn) || declaredLambda.has(ref.arn) || declaredLambda.has(ref.functionName) || (ref.dynamicRegion && lambdaNames.has(ref.functionName));
          if (!ok) report(r, ref.arn, "Lambda function is neither associated with the instance nor declared in the mapping file", "lambdaFunctions");
        } else if (ref.type === "lex") {
          if (!lexIds.has(ref.arn) && !declaredLex.has(ref.arn) && !ref.dynamicRegion) {
            report(r, ref.arn, "Lex bot is neither associated with the instance nor declared in the mapping file", "lexBots");
          }
        }
      }
    }
  }
  return { problems, warnings };
}
