/**
 * Spire's business metrics, written as CloudWatch Embedded Metric Format (EMF) by Powertools
 * Metrics: one JSON line on standard output per flush, which CloudWatch Logs turns into metrics in
 * the `Spire` namespace. Nothing calls PutMetricData, so the functions need no IAM permission for
 * their metrics: writing to their own log group (infra/constructs/spire-function.ts) is all it takes.
 *
 * Every metric has the one default dimension `service` = `spire`; decisions also carry their kind
 * (`decision`), one of a handful of fixed values. Never an id, a department, a title or a person:
 * the number of metrics stays fixed (CloudWatch bills each dimension combination as a metric), and
 * no personal data reaches CloudWatch Metrics. The names here are the ones the alarms and the
 * dashboard read (infra/constructs/operations.ts).
 *
 * Use cases record with the functions below; the handler's middleware (`flushMetrics`) writes what
 * one invocation recorded when it ends. `POWERTOOLS_METRICS_DISABLED=true` (unit tests, the local
 * runtime) records and discards instead of writing.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { DecisionKind } from './domain/decisions.ts';
import type { GateDecision } from './domain/pilot.ts';
import { logger } from './logger.ts';

export const METRICS_NAMESPACE = 'Spire';
/** The value of the `service` dimension every metric carries (Powertools' default dimension). */
export const METRICS_SERVICE = 'spire';
/** The dimension that carries a triage decision's kind or a gate decision. */
export const DECISION_DIMENSION = 'decision';

export const METRIC = {
  /** An idea or friction report stored (not an idempotent replay). */
  ideasSubmitted: 'IdeasSubmitted',
  /** An idea moved from `submitted` to `in_triage` by the intake worker. */
  ideasAdmitted: 'IdeasAdmitted',
  /** A triage decision, by `decision` (needs_info, accept, park, decline, duplicate, redirect). */
  triageDecisions: 'TriageDecisions',
  /** A decision at a pilot's gate, by `decision` (go, hold, recycle, stop). */
  gateDecisions: 'GateDecisions',
  /** An e-mail handed to SES (or the local outbox) and marked sent. */
  notificationsSent: 'NotificationsSent',
  /** An attempt to hand an e-mail over that failed; the message is retried, then dead-lettered. */
  notificationsFailed: 'NotificationsFailed',
  /** Notifications the sweeper gave up on after repeated re-queues; each is counted once, when it is abandoned. */
  notificationsAbandoned: 'NotificationsAbandoned',
  /** Gauge, each sweeper run: ideas in `submitted` for longer than the sweeper's minimum age (at most its batch limit). */
  ideasWaitingInSubmitted: 'IdeasWaitingInSubmitted',
  /** Ideas the sweeper gave up re-queuing (abandoned ideas, left for the triage team); each is counted once. */
  ideasAbandoned: 'IdeasAbandoned',
  /** Gauge, each sweeper run: ideas in `in_triage`, from the pipeline counters. */
  ideasInTriage: 'IdeasInTriage',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/**
 * An invocation that records nothing (every read-only route) is normal here, so Powertools' "No
 * application metrics to publish" warning is dropped; its other warnings and errors go to the
 * function's structured log.
 */
const EMPTY_FLUSH_WARNING = 'No application metrics to publish';
const metricsLogger = {
  debug: (message: string) => logger.debug(String(message)),
  info: (message: string) => logger.info(String(message)),
  warn: (message: string) => {
    if (!String(message).startsWith(EMPTY_FLUSH_WARNING)) logger.warn(String(message));
  },
  error: (message: string) => logger.error(String(message)),
};

/** The one Metrics instance every function shares, as `logger` is the one Logger. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE, logger: metricsLogger });

/** Middy middleware: writes what the invocation recorded when the handler returns or throws. */
export function flushMetrics() {
  // No ColdStart metric: one more metric per function, and Lambda's own Init Duration tells as much.
  return logMetrics(metrics, { throwOnEmptyMetrics: false });
}

function count(name: MetricName, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** Written at once with its own dimension, so the dimension cannot attach to the invocation's other metrics. */
function countByDecision(name: MetricName, decision: string): void {
  metrics.singleMetric().addDimension(DECISION_DIMENSION, decision).addMetric(name, MetricUnit.Count, 1);
}

export const record = {
  ideaSubmitted: () => count(METRIC.ideasSubmitted),
  ideaAdmitted: () => count(METRIC.ideasAdmitted),
  triageDecision: (kind: DecisionKind) => countByDecision(METRIC.triageDecisions, kind),
  gateDecision: (decision: GateDecision) => countByDecision(METRIC.gateDecisions, decision),
  notificationSent: () => count(METRIC.notificationsSent),
  notificationFailed: () => count(METRIC.notificationsFailed),
  notificationsAbandoned: (n: number) => count(METRIC.notificationsAbandoned, n),
  ideasAbandoned: (n: number) => count(METRIC.ideasAbandoned, n),
  /** Gauges: one value per sweeper run, zero included, so a graph and an alarm always have a point. */
  ideasWaitingInSubmitted: (n: number) => count(METRIC.ideasWaitingInSubmitted, n),
  ideasInTriage: (n: number) => count(METRIC.ideasInTriage, n),
};
