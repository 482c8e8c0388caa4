/** A directed edge `from` -> `to` ("from references to"). Patchable edges can be filled in later. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly patchable: boolean;
}

/** Strongly connected components (Tarjan), each a list of node keys; components come out in reverse topological order. */
export function stronglyConnected(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const adj = new Map<string, string[]>();
  for (const n of nodes) adj.set(n, []);
  for (const e of edges) adj.get(e.from)?.push(e.to);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  // Iterative Tarjan so thousands of flows cannot overflow the call stack.
  for (const root of nodes) {
    if (idx.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    idx.set(root, index); low.set(root, index); index++;
    stack.push(root); onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const next = adj.get(top.node) ?? [];
      if (top.i < next.length) {
        const w = next[top.i++]!;
        if (!adj.has(w)) continue;
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index); index++;
          stack.push(w); onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        out.push(comp.sort());
      }
    }
  }
  return out;
}

export interface Schedule {
  /** Per node: the nodes it must wait for before its first write. */
  readonly waitFor: ReadonlyMap<string, string[]>;
  /** Per node: references left out of the first write and filled in by a second pass. */
  readonly deferred: ReadonlyMap<string, string[]>;
  /** Cycles made only of edges that cannot be deferred (the restore cannot order them). */
  readonly unbreakable: string[][];
}

/**
 * Splits edges into "wait" and "defer": an edge inside a cycle is deferred when it is patchable
 * (flow content can first be a stub; a queue's outbound flow and quick connects can be set later);
 * every other edge is waited for. Cycles of non-patchable edges are reported.
 */
export function schedule(nodes: readonly string[], edges: readonly Edge[]): Schedule {
  const comps = stronglyConnected(nodes, edges);
  const compOf = new Map<string, number>();
  comps.forEach((c, i) => c.forEach((n) => compOf.set(n, i)));
  const waitFor = new Map<string, string[]>(nodes.map((n) => [n, []]));
  const deferred = new Map<string, string[]>(nodes.map((n) => [n, []]));
  const hardInside: Edge[] = [];
  for (const e of edges) {
    if (!compOf.has(e.to) || !compOf.has(e.from)) continue;
    const sameComp = compOf.get(e.from) === compOf.get(e.to);
    if (sameComp && e.patchable) pushUnique(deferred.get(e.from)!, e.to);
    else {
      pushUnique(waitFor.get(e.from)!, e.to);
      if (sameComp) hardInside.push(e);
    }
  }
  const unbreakable = stronglyConnected(nodes, hardInside).filter((c) => c.length > 1 || hardInside.some((e) => e.from === c[0] && e.to === c[0]));
  return { waitFor, deferred, unbreakable };
}

function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}
