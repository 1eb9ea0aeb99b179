/**
 * The AWS SDK's default credential chain as Lambda needs it: the function's role's credentials,
 * which Lambda puts in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN before
 * the handler loads. They are the chain's first link, so in Lambda the chain always stops there.
 *
 * The deployed bundles put this module where the clients import `@aws-sdk/credential-provider-node`
 * (an esbuild alias in BUNDLING, infra/constructs/spire-function.ts). The rest of that chain
 * (SSO, login, ~/.aws files, credential processes, web identity, container and instance metadata)
 * can never answer in Lambda, yet it is about a fifth of every bundle: it brings the STS, SSO and
 * sign-in clients with their XML and query protocols. The local runtime and the tests run the
 * TypeScript sources, so they keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The name and signature the SDK clients' runtime configuration imports. */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
