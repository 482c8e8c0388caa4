import { expect } from "chai";
import { federatedOperatorRolePatterns } from "../../../components/resiliency/operator-trust";

// Role ARNs of IAM Identity Center permission sets, in the formats the IAM Identity Center User Guide
// gives ("Referencing permission sets in resource policies"): with the Identity Center Region in the
// path, and without it when Identity Center lives in us-east-1.
const SSO_IN_EU_WEST_2 = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_DrOperator_1234567890abcdef";
const SSO_IN_US_EAST_1 = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DrOperator_abcdef0123456789";

/** IAM's ArnLike: the six colon-separated ARN components matched one by one, `*` and `?` as wildcards. */
function arnLike(pattern: string, arn: string): boolean {
  const components = (s: string) => {
    const parts = s.split(":");
    return [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const [p, a] = [components(pattern), components(arn)];
  const wildcard = (c: string) => new RegExp(`^${c.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return p.every((component, i) => wildcard(component).test(a[i]!));
}

describe("resiliency: federated operator roles in the operator role's trust", () => {
  const patterns = federatedOperatorRolePatterns("111122223333", { permissionSetNames: ["DrOperator"], samlRoleNames: ["federation/ContactCentreOperators"] });

  it("matches the permission set's role wherever Identity Center lives, and the SAML role exactly", () => {
    expect(patterns).to.deep.equal([
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DrOperator_*",
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_DrOperator_*",
      "arn:aws:iam::111122223333:role/federation/ContactCentreOperators",
    ]);
    for (const arn of [SSO_IN_EU_WEST_2, SSO_IN_US_EAST_1, "arn:aws:iam::111122223333:role/federation/ContactCentreOperators"]) {
      expect(patterns.some((p) => arnLike(p, arn)), arn).to.equal(true);
    }
  });

  it("matches no other permission set, no role outside aws-reserved, and no other account", () => {
    for (const arn of [
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_ReadOnly_1234567890abcdef",
      "arn:aws:iam::111122223333:role/AWSReservedSSO_DrOperator_1234567890abcdef",
      "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_DrOperator_1234567890abcdef",
    ]) {
      expect(patterns.some((p) => arnLike(p, arn)), arn).to.equal(false);
    }
  });
});
