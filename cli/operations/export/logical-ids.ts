/**
 * Stable, readable logical ids: a prefix naming the resource type and the resource's name in
 * PascalCase ASCII (`QueueSalesEmea`). Names that collapse to the same id get `2`, `3`, ... in the
 * order of their source names, so the same backup always gives the same ids.
 */
export function pascalName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/** CloudFormation logical ids: alphanumeric, at most 255 characters. */
const MAX = 200;

export class LogicalIds {
  private readonly taken = new Set<string>();

  /** Reserves an id for `prefix` + `name`; deterministic when called in a deterministic order. */
  claim(prefix: string, name: string): string {
    const base = (prefix + (pascalName(name) || "Unnamed")).slice(0, MAX);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}

/** Terraform names: lower snake case of a logical id (`QueueSalesEmea` -> `queue_sales_emea`). */
export function snakeName(logicalId: string): string {
  return logicalId
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
