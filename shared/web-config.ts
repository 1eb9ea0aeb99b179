/**
 * What the web pages learn from the deployment at start: `GET /config.json`, written into the
 * pages' bucket by the stack in AWS (infra/) and answered by the local runtime on a laptop. It is
 * public: nothing in it is a secret.
 */
export interface WebConfig {
  /** OpenID Connect sign-in: authorization code with PKCE (oidc-client-ts). */
  oidc: {
    /** The identity provider's issuer: Entra ID's `https://login.microsoftonline.com/<tenant>/v2.0`, or the local runtime's `/oidc`. */
    authority: string;
    /** The pages' own client (app registration) at the identity provider. */
    clientId: string;
    /** The scopes to ask for; they must yield an access token whose audience the API accepts. */
    scope: string;
    /** Extra parameters for the authorization request, where an identity provider needs some (e.g. `domain_hint` for Entra ID); none by default. */
    extraQueryParams?: Record<string, string>;
  };
  /** The municipality's departments, offered on the submit form (free text stays allowed). */
  departments: readonly string[];
  /** The days within which the team answers a new idea; the receipt says so. */
  triageServiceLevelDays: number;
}
