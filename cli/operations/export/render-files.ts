import { dump } from "js-yaml";
import type { Snapshot } from "../model/snapshot";
import type { MappingFile } from "../restore/mapping-file";
import type { Kind } from "../model/kinds";
import { buildModel } from "./build-model";
import { cloudFormationTemplate } from "./cloudformation-template";
import { FormatError, type ExportFormat } from "./format-support";

/** Largest template body CloudFormation accepts from S3 (CloudFormation quotas: 1 MB). */
export const MAX_TEMPLATE_BYTES = 1_000_000;
import type { TemplateModel } from "./template-model";
import { terraformConfig } from "./terraform-config";

export interface RenderedExport {
  readonly model: TemplateModel;
  /** File name -> content, in a fixed order. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/** Stable JSON text: 2-space indent and a final newline, keys in the order the emitters build them. */
export const jsonText = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * The files of one export. CloudFormation: `template.json` and `template.yaml` (the same template;
 * YAML with long-form intrinsic function keys, no anchors, no line folding). Terraform: `main.tf.json`.
 */
export function renderExport(snapshot: Snapshot, format: ExportFormat, options: { mapping?: MappingFile; skip?: readonly Kind[] } = {}): RenderedExport {
  const model = buildModel(snapshot, options);
  if (format === "cloudformation") {
    const t = cloudFormationTemplate(model);
    const files = [{ name: "template.json", text: jsonText(t) }, { name: "template.yaml", text: dump(t, { noRefs: true, lineWidth: -1, sortKeys: false }) }];
    const smallest = Math.min(...files.map((f) => Buffer.byteLength(f.text)));
    if (smallest > MAX_TEMPLATE_BYTES) {
      throw new FormatError("cloudformation", "template", `the template is ${smallest} bytes; CloudFormation accepts at most ${MAX_TEMPLATE_BYTES} (from S3)`, "export --format terraform (no such quota), or --skip kinds this template need not create");
    }
    return { model, files };
  }
  return { model, files: [{ name: "main.tf.json", text: jsonText(terraformConfig(model)) }] };
}
