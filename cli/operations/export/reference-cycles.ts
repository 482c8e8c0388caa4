/** An edge of the reference graph: `from` needs `to` to exist. `deferrable` edges can be written later. */
export interface RefEdge {
  readonly from: string;
  readonly to: string;
  readonly deferrable: boolean;
}

/**
 * Chooses the references to write after every resource exists, so the rest forms no cycle (neither
 * CloudFormation nor Terraform accepts one). Fixed edges go in first; deferrable ones are added in
 * the given (deterministic) order and deferred when they would close a cycle. Throws, naming the
 * resources, when fixed edges alone form a cycle.
 */
export function breakCycles(nodes: readonly string[], edges: readonly RefEdge[]): { deferred: RefEdge[] } {
  const out = new Map<string, Set<string>>(nodes.map((n) => [n, new Set<string>()]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === to) return true;
      for (const m of out.get(n) ?? []) if (!seen.has(m)) (seen.add(m), stack.push(m));
    }
    return false;
  };
  for (const e of edges.filter((x) => !x.deferrable)) {
    if (e.from === e.to || reaches(e.to, e.from)) throw new Error(`${e.from} and ${e.to} reference each other through properties that can only be set at creation`);
    out.get(e.from)?.add(e.to);
  }
  const deferred: RefEdge[] = [];
  for (const e of edges.filter((x) => x.deferrable)) {
    if (e.from === e.to || reaches(e.to, e.from)) deferred.push(e);
    else out.get(e.from)?.add(e.to);
  }
  return { deferred };
}
