/**
 * One request as IAM's evaluation sees it (IAM User Guide, "Policy evaluation logic", "Processing the
 * request context"): who asks, for which action on which resource, with which condition keys.
 */
import type { RequestContext } from "./condition";

export interface EvaluationRequest {
  /** The IAM role, IAM user or root user making the request, by ARN. */
  readonly principal: string;
  /** `service:Action`, e.g. `kms:Decrypt`. */
  readonly action: string;
  /** The resource's ARN, or `*` for an action that takes no resource type. */
  readonly resource: string;
  /** The account that owns the resource (S3 ARNs carry none). */
  readonly resourceAccount: string;
  /** The condition keys the request carries (`aws:PrincipalArn`, `aws:RequestedRegion`, `kms:ViaService`, ...). */
  readonly context: RequestContext;
}
