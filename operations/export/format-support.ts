import type { Kind } from "../model/kinds";

export type ExportFormat = "cloudformation" | "terraform";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["cloudformation", "terraform"];

/** A kind the chosen format cannot express: names it, why, and what to do instead. */
export class FormatError extends Error {
  constructor(readonly format: ExportFormat, readonly kind: Kind, why: string, readonly remedy: string) {
    super(`${format} cannot express ${kind}: ${why}; ${remedy}`);
    this.name = "FormatError";
  }
}
