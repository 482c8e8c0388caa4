/**
 * What CreateUser requires of a user given the instance's identity management type, beyond the
 * model: the rules the Connect API reference states in prose (CreateUser, UserIdentityInfo).
 * - Password: "required if you are using Amazon Connect for identity management. Otherwise, it is
 *   an error to include a password."
 * - DirectoryUserId: "If you are using SAML for identity management and include this parameter, an
 *   error is returned."
 * - Username: up to 20 characters without SAML; with SAML up to 64 from `[a-zA-Z0-9_-.\@]+`; `@`
 *   only in an email format.
 * - IdentityInfo: Email, FirstName and LastName "are required if you are using Amazon Connect or
 *   SAML for identity management".
 * Pure: returns the first problem found, or undefined.
 */

/** The members of a CreateUser request these rules look at. */
export interface NewUserIdentity {
  readonly username: string;
  readonly password?: string;
  readonly directoryUserId?: string;
  readonly identityInfo?: { readonly FirstName?: string; readonly LastName?: string; readonly Email?: string };
}

const USERNAME_CHARACTERS = /^[a-zA-Z0-9_\-.@]+$/;
const EMAIL_FORMAT = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The first rule `user` breaks on an instance of `identityManagementType`, or undefined. */
export function userIdentityProblem(identityManagementType: string, user: NewUserIdentity): string | undefined {
  const saml = identityManagementType === "SAML";
  const managed = identityManagementType === "CONNECT_MANAGED";
  const maxLength = saml ? 64 : 20;
  if ([...user.username].length > maxLength) {
    return `Username ${JSON.stringify(user.username)} is longer than ${maxLength} characters, the most a ${identityManagementType} instance allows`;
  }
  if (!USERNAME_CHARACTERS.test(user.username)) return `Username ${JSON.stringify(user.username)} may contain only letters, digits and _ - . @`;
  if (user.username.includes("@") && !EMAIL_FORMAT.test(user.username)) return `Username ${JSON.stringify(user.username)} may contain @ only in an email format`;
  if (managed && user.password === undefined) return "Password is required when the instance's identity management type is CONNECT_MANAGED";
  if (!managed && user.password !== undefined) return `Password must not be given when the instance's identity management type is ${identityManagementType}`;
  if (saml && user.directoryUserId !== undefined) return "DirectoryUserId must not be given when the instance's identity management type is SAML";
  if (saml || managed) {
    const missing = (["FirstName", "LastName", "Email"] as const).filter((member) => !user.identityInfo?.[member]);
    if (missing.length > 0) return `IdentityInfo.${missing.join(", IdentityInfo.")} required when the instance's identity management type is ${identityManagementType}`;
  }
  return undefined;
}
