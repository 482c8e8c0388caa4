/**
 * Matches an HTTP method and path to an operation by its URI template.
 *
 * Templates come from the operation catalog. A path can match several templates with the same
 * segment count (`/phone-number/list` vs `/phone-number/{PhoneNumberId}`), so templates with more
 * literal segments win, the same precedence API Gateway-style routers use.
 */
import type { OperationSpec } from "./operation-catalog";

/** A matched route: the operation and its decoded URI labels. */
export interface RouteMatch {
  readonly operation: OperationSpec;
  readonly labels: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly operation: OperationSpec;
  readonly segments: readonly ({ literal: string } | { label: string; greedy: boolean })[];
  readonly literalCount: number;
}

/** Routes requests to operations. Build once per catalog. */
export class Router {
  private readonly byMethod = new Map<string, CompiledRoute[]>();

  constructor(operations: Iterable<OperationSpec>) {
    for (const operation of operations) {
      const segments = operation.uri.split("/").filter((s) => s.length > 0).map((segment) => {
        const label = /^\{([^}]+?)(\+?)\}$/.exec(segment);
        return label ? { label: label[1]!, greedy: label[2] === "+" } : { literal: segment };
      });
      const route = { operation, segments, literalCount: segments.filter((s) => "literal" in s).length };
      const list = this.byMethod.get(operation.method) ?? [];
      list.push(route);
      this.byMethod.set(operation.method, list);
    }
    for (const list of this.byMethod.values()) list.sort((a, b) => b.literalCount - a.literalCount);
  }

  /**
   * Finds the operation for `method` and a raw (still percent-encoded) path, or undefined. An empty
   * segment is an empty label (`/instance/` is DescribeInstance with InstanceId ""), which the model
   * then refuses; it never falls through to another operation's shorter template.
   */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.split("/").slice(1);
    for (const route of this.byMethod.get(method.toUpperCase()) ?? []) {
      const labels = matchSegments(route, parts);
      if (labels) return { operation: route.operation, labels };
    }
    return undefined;
  }
}

function matchSegments(route: CompiledRoute, parts: readonly string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (const segment of route.segments) {
    if ("literal" in segment) {
      if (parts[i] !== segment.literal) return undefined;
      i += 1;
    } else if (segment.greedy) {
      if (i >= parts.length) return undefined;
      labels[segment.label] = parts.slice(i).map(decodeURIComponent).join("/");
      i = parts.length;
    } else {
      if (parts[i] === undefined) return undefined;
      labels[segment.label] = decodeURIComponent(parts[i]!);
      i += 1;
    }
  }
  return i === parts.length ? labels : undefined;
}
