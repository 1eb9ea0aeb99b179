/**
 * Configuration read from the environment.
 *
 * The names of the variables live here, once: the system description (infra/system.ts)
 * sets them on every function, in AWS and in the local runtime, and the functions read
 * them through the helpers below at module load, so a missing variable fails fast with a
 * message that names it instead of failing later on the first request.
 */
export const ENV = {
  tableName: 'SPIRE_TABLE_NAME',
  intakeQueueUrl: 'SPIRE_INTAKE_QUEUE_URL',
  rescoreQueueUrl: 'SPIRE_RESCORE_QUEUE_URL',
  notifyQueueUrl: 'SPIRE_NOTIFY_QUEUE_URL',
  /** The queue of SES bounce and complaint events (fed by SNS in AWS; no function sends to it). */
  mailEventsQueueUrl: 'SPIRE_MAIL_EVENTS_QUEUE_URL',
  /** The queue of erasures (`POST /me/erase`), consumed by the erasure worker. */
  erasureQueueUrl: 'SPIRE_ERASURE_QUEUE_URL',
  /** Days after an idea ended without a pilot (declined, withdrawn, redirected, merged) before its personal data is removed. */
  retentionDays: 'SPIRE_RETENTION_DAYS',
  /** The From address of Spire's e-mails; an identity verified in SES. */
  mailSender: 'SPIRE_MAIL_SENDER',
  /** The SES configuration set every e-mail is sent with: it publishes bounces and complaints to the mail events queue. */
  mailConfigurationSet: 'SPIRE_MAIL_CONFIGURATION_SET',
  /** Where the daily digest of overdue ideas goes: the digitalisation team's shared address. */
  triageTeamEmail: 'SPIRE_TRIAGE_TEAM_EMAIL',
  /** Days an idea may wait in `in_triage` before it is overdue. */
  triageServiceLevelDays: 'SPIRE_TRIAGE_SERVICE_LEVEL_DAYS',
  /** Name of the claim in the access token that carries the caller's roles. */
  rolesClaim: 'SPIRE_ROLES_CLAIM',
  /** Submits (POST /ideas) one person may make per hour (shared/domain/usage-limits.ts). */
  submitLimitPerHour: 'SPIRE_SUBMIT_LIMIT_PER_HOUR',
  /** Supports (POST /ideas/{id}/support) one person may give per hour. */
  supportLimitPerHour: 'SPIRE_SUPPORT_LIMIT_PER_HOUR',
  /** Similar-idea lookups (GET /ideas/similar) one person may make per hour. */
  similarLimitPerHour: 'SPIRE_SIMILAR_LIMIT_PER_HOUR',
  /** How long an idea may stay in `submitted` before the sweeper re-queues it. */
  sweeperMinAgeSeconds: 'SPIRE_SWEEPER_MIN_AGE_SECONDS',
  /** How many times the sweeper re-queues one idea before it leaves it to a person. */
  sweeperMaxRequeues: 'SPIRE_SWEEPER_MAX_REQUEUES',
  /** The most stuck ideas, and the most pending notifications and merges, one sweeper run looks at. */
  sweeperBatchLimit: 'SPIRE_SWEEPER_BATCH_LIMIT',
  /**
   * The ARN of the deployment secret (Secrets Manager), whose keys sign cursors and make supporter
   * hashes, idempotency keys and follow-up tokens (shared/secret.ts). Set only on the functions
   * whose description says `secret: true`.
   */
  secretArn: 'SPIRE_SECRET_ARN',
} as const;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** The value of a required environment variable; throws naming the variable when it is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigurationError(`Missing environment variable ${name}`);
  }
  return value;
}

/** An optional environment variable holding a whole number, with its default. */
export function intEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new ConfigurationError(`Environment variable ${name} must be a whole number ≥ 0, got "${value}"`);
  }
  return parsed;
}

/** An optional environment variable holding text, with its default. */
export function textEnv(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

/** The triage service level: days an idea may wait in `in_triage` before it is overdue (default 14). */
export function serviceLevelDays(env: NodeJS.ProcessEnv = process.env): number {
  return intEnv(ENV.triageServiceLevelDays, 14, env);
}
