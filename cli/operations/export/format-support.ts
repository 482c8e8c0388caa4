import type { Kind } from "../model/kinds";

export type ExportFormat = "cloudformation" | "terraform";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["cloudformation", "terraform"];

/** A kind the chosen format cannot express: names it, why, and what to do instead. */
export class FormatError extends Error {
  constructor(readonly format: ExportFormat, readonly kind: Kind | "template", why: string, readonly remedy: string) {
    super(kind === "template" ? `${format} cannot express this export: ${why}; ${remedy}` : `${format} cannot express ${kind}: ${why}; ${remedy}`);
    this.name = "FormatError";
  }
}
