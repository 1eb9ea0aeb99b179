/**
 * A deployment's settings: read from CDK context (cdk.json, or `cdk deploy -c key=value`) and
 * validated with zod at synth, all of them at once, so a wrong deployment stops before anything
 * reaches AWS with one line per setting to fix.
 *
 * cdk.json ships placeholders on the reserved `.invalid` domain (RFC 2606), which synthesise but
 * can never issue a token or receive an e-mail: an unconfigured `dev` or `test` deployment rejects
 * every call instead of trusting anyone, and synth warns about each placeholder. A `prod` synth
 * refuses them.
 */
import { Annotations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import * as z from 'zod';
import { DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../shared/domain/retention.ts';
import { DEFAULT_USAGE_LIMITS, USAGE_LIMIT_RANGE } from '../shared/domain/usage-limits.ts';
import { LIMITS } from '../shared/schemas/idea.ts';

/** The environments a stack is deployed as: `cdk deploy -c env=prod`. Any other name is refused, so a typo cannot make an unprotected production stack. */
export const ENVIRONMENTS = ['dev', 'test', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];
export const DEFAULT_ENVIRONMENT: EnvironmentName = 'dev';
/** The context key that names the environment. */
export const ENVIRONMENT_CONTEXT = 'env';

/** The CDK context keys of the settings. */
export const CONTEXT = {
  /** The identity provider's issuer, an https URL (Entra ID v2 tokens: `https://login.microsoftonline.com/<tenant id>/v2.0`). */
  jwtIssuer: 'spire:jwtIssuer',
  /** The audience the access tokens carry (Entra ID v2 tokens: the API's application (client) id). */
  jwtAudience: 'spire:jwtAudience',
  /** The access-token claim that carries the caller's roles (default `roles`, where Entra ID puts app roles). */
  rolesClaim: 'spire:rolesClaim',
  /** The From address of Spire's e-mails; the stack makes its domain an SES identity with Easy DKIM. */
  mailSender: 'spire:mailSender',
  /**
   * Whether this stack creates the SES identity of the sender's domain (default true). An identity
   * exists once per account and region: a second environment there sending from the same domain
   * sets this to false and uses the first one's.
   */
  createMailIdentity: 'spire:createMailIdentity',
  /** The digitalisation team's shared address: the daily digest of overdue ideas goes there. */
  triageTeamEmail: 'spire:triageTeamEmail',
  /** Days an idea may wait in triage before it is overdue (default 14). */
  triageServiceLevelDays: 'spire:triageServiceLevelDays',
  /** Where the alarms are e-mailed (infra/constructs/operations.ts): the people who run Spire. */
  operationsEmail: 'spire:operationsEmail',
  /** Submits one person may make per hour (default 20; docs/architecture.md, "Per-person limits"). */
  submitLimitPerHour: 'spire:submitLimitPerHour',
  /** Supports one person may give per hour (default 120). */
  supportLimitPerHour: 'spire:supportLimitPerHour',
  /** Similar-idea lookups one person may make per hour (default 300). */
  similarLimitPerHour: 'spire:similarLimitPerHour',
  /** Days after an idea ended without a pilot before its personal data is removed (default 365; docs/privacy.md). */
  retentionDays: 'spire:retentionDays',
  /** The web pages' own client (app registration) at the identity provider: they sign people in with it (shared/web-config.ts). */
  webClientId: 'spire:webClientId',
  /** The scopes the pages ask for at sign-in: `openid` and the API's scope, so the access token's audience is the API (Entra ID: `api://<API client id>/Spire.Access`). */
  webScope: 'spire:webScope',
  /**
   * The municipality's departments, offered on the submit form (free text stays allowed): a JSON
   * array in cdk.json, or the names separated by `;` with `-c` (a name may hold commas). Default none.
   */
  departments: 'spire:departments',
  /** An AWS WAF web ACL for the distribution, by its ARN: one of scope CLOUDFRONT, which WAF keeps in us-east-1, made outside this stack. Default none. */
  webAclArn: 'spire:webAclArn',
} as const;
type SettingKey = keyof typeof CONTEXT;

export interface Settings {
  environment: EnvironmentName;
  jwtIssuer: string;
  jwtAudience: string;
  rolesClaim: string;
  mailSender: string;
  /** The sender's domain, in lower case: the SES identity the e-mails are sent from. */
  mailDomain: string;
  createMailIdentity: boolean;
  triageTeamEmail: string;
  triageServiceLevelDays: number;
  operationsEmail: string;
  submitLimitPerHour: number;
  supportLimitPerHour: number;
  similarLimitPerHour: number;
  retentionDays: number;
  webClientId: string;
  webScope: string;
  departments: string[];
  webAclArn?: string;
}

/** At most this many departments: config.json stays small, and the form's list short enough to choose from. */
export const MAX_DEPARTMENTS = 500;

/** What each setting is, for the line that asks for it. */
const HINTS: Record<SettingKey, string> = {
  jwtIssuer: "the https URL of the identity provider's issuer (Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0)",
  jwtAudience: "the audience of the access tokens (Entra ID v2 tokens: the API's application (client) id)",
  rolesClaim: "the access-token claim with the caller's roles (default roles)",
  mailSender: "the From address of Spire's e-mails, at the domain SES sends from",
  createMailIdentity: 'true or false (default true)',
  triageTeamEmail: "the digitalisation team's shared address, for the daily digest",
  triageServiceLevelDays: 'whole days from 1 to 365 (default 14)',
  operationsEmail: 'the address the operations alarms are e-mailed to',
  submitLimitPerHour: `a whole number of submits per person and hour from ${USAGE_LIMIT_RANGE.min} to ${USAGE_LIMIT_RANGE.max} (default ${DEFAULT_USAGE_LIMITS.submit})`,
  supportLimitPerHour: `a whole number of supports per person and hour from ${USAGE_LIMIT_RANGE.min} to ${USAGE_LIMIT_RANGE.max} (default ${DEFAULT_USAGE_LIMITS.support})`,
  similarLimitPerHour: `a whole number of similar-idea lookups per person and hour from ${USAGE_LIMIT_RANGE.min} to ${USAGE_LIMIT_RANGE.max} (default ${DEFAULT_USAGE_LIMITS.similar})`,
  retentionDays: `whole days from ${MIN_RETENTION_DAYS} to 3650 (default ${DEFAULT_RETENTION_DAYS})`,
  webClientId: "the Application (client) ID of the pages' own app registration (a single-page application)",
  webScope: 'the scopes the pages ask for, separated by spaces, with openid and the API\'s scope (Entra ID: openid profile offline_access api://<API client id>/Spire.Access)',
  webAclArn: 'the ARN of an AWS WAF web ACL of scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>), or nothing (default)',
  departments: `the departments offered on the submit form: a JSON array in cdk.json, or names separated by ; with -c; each ${LIMITS.departmentMin}–${LIMITS.departmentMax} characters, none twice, at most ${MAX_DEPARTMENTS} (default none)`,
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A value on the reserved `.invalid` top-level domain: a URL's host, an address's domain, or a name ending in it. */
export function isPlaceholder(value: string): boolean {
  return /\.invalid(?:[/:?#]|$)/i.test(value.trim());
}

const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be text') }).trim().min(1, 'missing');
const email = () => text().regex(EMAIL, 'must be an e-mail address');
const httpsUrl = () => text().refine((value) => URL.parse(value)?.protocol === 'https:', 'must be an https URL');
/** OpenID Connect scopes: `openid` and more, separated by spaces. */
const scopes = () => text().refine((value) => value.split(/\s+/).includes('openid'), 'must be scopes separated by spaces, including openid');

/** A list from cdk.json is an array; from `-c` it is text: a JSON array, or names separated by `;`. */
function listFromContext(value: unknown): unknown {
  if (value === undefined) return [];
  if (typeof value !== 'string') return value;
  if (value.trim().startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value.split(';').filter((name) => name.trim() !== '');
}

/** The departments: each a name the API would accept as an idea's department (LIMITS in shared/schemas/idea.ts), none twice. */
const departments = () =>
  z.preprocess(
    listFromContext,
    z
      .array(
        z
          .string({ error: 'must be a list of department names' })
          .transform((name) => name.normalize('NFC').trim())
          .pipe(
            z
              .string()
              .min(LIMITS.departmentMin, `each name must be at least ${LIMITS.departmentMin} characters`)
              .max(LIMITS.departmentMax, `each name must be at most ${LIMITS.departmentMax} characters`)
              .regex(/^\P{Cc}*$/u, 'a name must not hold control characters'),
          ),
        { error: 'must be a list of department names' },
      )
      .max(MAX_DEPARTMENTS, `must be at most ${MAX_DEPARTMENTS} names`)
      .refine((names) => new Set(names.map((name) => name.toLocaleLowerCase('da'))).size === names.length, 'must not name a department twice'),
  );

/** Context from the command line is always text: "14", "false". */
const wholeNumber = (fallback: number, max = 365) =>
  z.preprocess((value) => (value === undefined ? fallback : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value), z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`));
const flag = (fallback: boolean) =>
  z.preprocess((value) => (value === undefined ? fallback : value === 'true' ? true : value === 'false' ? false : value), z.boolean({ error: 'must be true or false' }));

function schemaFor(environment: EnvironmentName) {
  const production = environment === 'prod';
  /** In production a placeholder is as good as missing: the settings wrapped in `real` are the ones production cannot run without. */
  const real = <T extends z.ZodType<string>>(schema: T) =>
    production ? schema.refine((value) => !isPlaceholder(value), 'still the placeholder from cdk.json (a value on the reserved .invalid domain)') : schema;
  return z.object({
    jwtIssuer: real(httpsUrl()).refine(
      (value) => URL.parse(value)?.hostname !== 'sts.windows.net',
      'is Entra ID’s version 1 issuer: the pages sign in at the issuer itself, and version 1’s (sts.windows.net) has no sign-in. Set accessTokenAcceptedVersion to 2 in the API’s app registration and use https://login.microsoftonline.com/<tenant id>/v2.0 (docs/deploying.md)',
    ),
    jwtAudience: real(text()),
    rolesClaim: text().optional().default('roles'),
    mailSender: real(email()),
    createMailIdentity: flag(true),
    triageTeamEmail: real(email()),
    triageServiceLevelDays: wholeNumber(14),
    operationsEmail: real(email()),
    submitLimitPerHour: wholeNumber(DEFAULT_USAGE_LIMITS.submit, USAGE_LIMIT_RANGE.max),
    supportLimitPerHour: wholeNumber(DEFAULT_USAGE_LIMITS.support, USAGE_LIMIT_RANGE.max),
    similarLimitPerHour: wholeNumber(DEFAULT_USAGE_LIMITS.similar, USAGE_LIMIT_RANGE.max),
    retentionDays: wholeNumber(DEFAULT_RETENTION_DAYS, 3650).pipe(z.number().min(MIN_RETENTION_DAYS, `must be at least ${MIN_RETENTION_DAYS}`)),
    webClientId: real(text()),
    webScope: real(scopes()),
    departments: departments(),
    webAclArn: text()
      .regex(/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/, 'must be the ARN of a web ACL of scope CLOUDFRONT, in us-east-1')
      .optional(),
  });
}

export class SettingsError extends Error {
  override name = 'SettingsError';
  /** One line per setting to fix. */
  readonly problems: readonly string[];

  constructor(environment: EnvironmentName, problems: readonly string[]) {
    super([`Spire's settings for the ${environment} environment are not valid; set them in cdk.json or with -c <key>=<value>:`, ...problems.map((line) => `  ${line}`)].join('\n'));
    this.problems = problems;
  }
}

export interface SettingsWarning {
  id: string;
  message: string;
}

export class EnvironmentNameError extends Error {
  override name = 'EnvironmentNameError';
}

/** The environment `-c env=…` names; `dev` when it names none. */
export function parseEnvironment(value: unknown): EnvironmentName {
  if (value === undefined) return DEFAULT_ENVIRONMENT;
  const parsed = z.enum(ENVIRONMENTS).safeParse(value);
  if (!parsed.success) throw new EnvironmentNameError(`Context ${ENVIRONMENT_CONTEXT} must be one of ${ENVIRONMENTS.join(', ')} (default ${DEFAULT_ENVIRONMENT}), got ${JSON.stringify(value)}`);
  return parsed.data;
}

/**
 * The settings from context (`context(key)` is the value of one key), or a SettingsError with a
 * line for every setting that is missing or wrong. Outside production, the placeholders that
 * pass come back as warnings.
 */
export function parseSettings(environment: EnvironmentName, context: (key: string) => unknown): { settings: Settings; warnings: SettingsWarning[] } {
  const keys = Object.keys(CONTEXT) as SettingKey[];
  const input = Object.fromEntries(keys.map((key) => [key, context(CONTEXT[key])]));
  const parsed = schemaFor(environment).safeParse(input);
  if (!parsed.success) {
    const problems = new Map<SettingKey, string>();
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as SettingKey;
      if (problems.has(key)) continue;
      const value = input[key];
      const got = value === undefined || issue.message === 'missing' ? '' : ` (got ${JSON.stringify(value)})`;
      problems.set(key, `${CONTEXT[key]}: ${issue.message}${got}. Expected ${HINTS[key]}.`);
    }
    throw new SettingsError(environment, keys.filter((key) => problems.has(key)).map((key) => problems.get(key)!));
  }
  const values = parsed.data;
  const settings: Settings = { environment, ...values, mailDomain: values.mailSender.slice(values.mailSender.lastIndexOf('@') + 1).toLowerCase() };
  return { settings, warnings: placeholderWarnings(settings) };
}

/** What a placeholder left in place means for the deployment. */
const PLACEHOLDER_CONSEQUENCES = {
  jwtIssuer: `the deployed API will reject every token. Set ${CONTEXT.jwtIssuer} and ${CONTEXT.jwtAudience} to the municipality's identity provider (cdk.json or -c).`,
  jwtAudience: `the deployed API will reject every token. Set ${CONTEXT.jwtIssuer} and ${CONTEXT.jwtAudience} to the municipality's identity provider (cdk.json or -c).`,
  mailSender: 'set it to a real address (cdk.json or -c) before e-mail can be sent.',
  triageTeamEmail: 'set it to a real address (cdk.json or -c) before e-mail can be sent.',
  operationsEmail: 'set it to a real address (cdk.json or -c) before the alarms reach anyone.',
  webClientId: `the pages cannot sign anyone in. Set ${CONTEXT.webClientId} and ${CONTEXT.webScope} to the pages' app registration (cdk.json or -c).`,
  webScope: `the pages cannot sign anyone in. Set ${CONTEXT.webClientId} and ${CONTEXT.webScope} to the pages' app registration (cdk.json or -c).`,
} as const;

function placeholderWarnings(settings: Settings): SettingsWarning[] {
  return (Object.keys(PLACEHOLDER_CONSEQUENCES) as (keyof typeof PLACEHOLDER_CONSEQUENCES)[])
    .filter((key) => isPlaceholder(settings[key]))
    .map((key) => ({ id: `${CONTEXT[key]}NotConfigured`, message: `Context ${CONTEXT[key]} is the placeholder ${settings[key]}: ${PLACEHOLDER_CONSEQUENCES[key]}` }));
}

/** The settings of the stack `scope` is in, from its context; warns on the stack about every placeholder (never in production, where they fail). */
export function readSettings(scope: Construct, environment: EnvironmentName): Settings {
  const { settings, warnings } = parseSettings(environment, (key) => scope.node.tryGetContext(key));
  for (const warning of warnings) Annotations.of(scope).addWarningV2(warning.id, warning.message);
  return settings;
}
