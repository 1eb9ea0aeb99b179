/**
 * What a person running Spire is told, and where they look: an SNS topic that e-mails the
 * operations address, the alarms on it (each with an OK action as well, so the end of an incident
 * is told too and the next one starts from OK and is noticed), and one CloudWatch dashboard.
 * docs/operations.md says what each alarm means and what to do about it.
 *
 * The business metrics read here are the EMF metrics of shared/metrics.ts. EMF is written to the
 * functions' own log groups, so the functions need no `cloudwatch:PutMetricData`.
 */
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi, IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DECISION_KINDS } from '../../shared/domain/decisions.ts';
import { GATE_DECISIONS } from '../../shared/domain/pilot.ts';
import { DECISION_DIMENSION, METRIC, METRICS_NAMESPACE, METRICS_SERVICE, type MetricName } from '../../shared/metrics.ts';
import { SYSTEM, type FunctionName, type QueueName } from '../system.ts';
import { entries, mapRecord, pascalCase } from '../records.ts';

/**
 * Amazon SES reviews an account whose bounce rate reaches 5 % and whose complaint rate reaches
 * 0.1 % (and may pause its sending at 10 % and 0.5 %). The alarms go off well before: bounces at
 * 3 % (AWS advises staying under 2 %), complaints at 0.05 %. Both metrics are the account's, over
 * all of its sending, as SES computes them; they are fractions (0.05 is 5 %).
 */
export const SES_ALARM_THRESHOLDS = { bounceRate: 0.03, complaintRate: 0.0005 };

/** Share of API requests answered 5xx, in percent over five minutes, above which the API alarm goes off. */
export const API_5XX_PERCENT_THRESHOLD = 5;

export interface OperationsProps {
  /** Where the alarms are e-mailed: the operations team's shared address (context `spire:operationsEmail`). */
  operationsEmail: string;
  functions: Record<FunctionName, IFunction>;
  /** The queues, each with its dead-letter queue. */
  queues: Record<QueueName, Queue>;
  api: HttpApi;
  /** The API's one stage (API_STAGE_NAME): its metrics carry the stage's name. */
  apiStage: IHttpStage;
}

/** Every alarm, by what it watches: the tests and docs/operations.md go through these. */
export interface OperationsAlarms {
  deadLetters: Record<QueueName, Alarm>;
  functionErrors: Record<FunctionName, Alarm>;
  functionThrottles: Record<FunctionName, Alarm>;
  api5xxRate: Alarm;
  intakeOldestMessage: Alarm;
  ideasWaitingInSubmitted: Alarm;
  sesBounceRate: Alarm;
  sesComplaintRate: Alarm;
}

export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: OperationsAlarms;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = this.createTopic(props.operationsEmail);
    const alarmName = (suffix: string) => `${stack.stackName}-${suffix}`;

    this.alarms = {
      deadLetters: mapRecord(props.queues, (queue, name) => this.deadLetterAlarm(name, queue, alarmName(`${name}-dead-letters`))),
      functionErrors: mapRecord(props.functions, (fn, name) =>
        this.alarm(`${pascalCase(name)}ErrorsAlarm`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
          alarmName: alarmName(`${name}-errors`),
          alarmDescription: `${SYSTEM.functions[name].entry} failed (threw, timed out or ran out of memory) in the last 5 minutes. See docs/operations.md#function-errors.`,
          threshold: 0,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      ),
      functionThrottles: mapRecord(props.functions, (fn, name) =>
        this.alarm(`${pascalCase(name)}ThrottlesAlarm`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), {
          alarmName: alarmName(`${name}-throttles`),
          alarmDescription: `Lambda refused to run ${SYSTEM.functions[name].entry} (throttled) in the last 5 minutes. See docs/operations.md#function-throttles.`,
          threshold: 0,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      ),
      api5xxRate: this.alarm('Api5xxRateAlarm', api5xxPercent(props), {
        alarmName: alarmName('api-5xx-rate'),
        alarmDescription: `More than ${API_5XX_PERCENT_THRESHOLD} % of the API's requests were answered 5xx in the last 5 minutes. See docs/operations.md#api-5xx-rate.`,
        threshold: API_5XX_PERCENT_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      intakeOldestMessage: this.intakeAgeAlarm(props.queues.intake, alarmName('intake-oldest-message')),
      ideasWaitingInSubmitted: this.alarm('IdeasWaitingInSubmittedAlarm', spireMetric(METRIC.ideasWaitingInSubmitted, 'Maximum'), {
        alarmName: alarmName('ideas-waiting-in-submitted'),
        alarmDescription:
          'The sweeper has found ideas waiting in submitted (not yet in triage) at every run for 15 minutes: re-queuing them is not helping. See docs/operations.md#ideas-waiting-in-submitted.',
        threshold: 0,
        // The sweeper runs every 5 minutes: three runs in a row, so one re-queue that fixes it raises no alarm.
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      sesBounceRate: this.alarm('SesBounceRateAlarm', sesMetric('Reputation.BounceRate'), {
        alarmName: alarmName('ses-bounce-rate'),
        alarmDescription: `The account's SES bounce rate is above ${percent(SES_ALARM_THRESHOLDS.bounceRate)} % (AWS reviews the account at 5 %). See docs/operations.md#ses-bounce-rate.`,
        threshold: SES_ALARM_THRESHOLDS.bounceRate,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      sesComplaintRate: this.alarm('SesComplaintRateAlarm', sesMetric('Reputation.ComplaintRate'), {
        alarmName: alarmName('ses-complaint-rate'),
        alarmDescription: `The account's SES complaint rate is above ${percent(SES_ALARM_THRESHOLDS.complaintRate)} % (AWS reviews the account at 0.1 %). See docs/operations.md#ses-complaint-rate.`,
        threshold: SES_ALARM_THRESHOLDS.complaintRate,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    };

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${stack.stackName}-operations`,
      defaultInterval: Duration.days(1),
      widgets: dashboardRows(props, this.alarms),
    });

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description }).overrideLogicalId(id);
    output('OperationsTopicArn', this.topic.topicArn, `Alarms are published here and e-mailed to ${props.operationsEmail} (the subscription must be confirmed from that mailbox)`);
    output(
      'OperationsDashboardUrl',
      `https://console.aws.amazon.com/cloudwatch/home?region=${stack.region}#dashboards/dashboard/${this.dashboard.dashboardName}`,
      'The operations dashboard: intake, triage backlog, errors and latency, dead letters, e-mail',
    );
    for (const [name, queue] of entries(props.queues)) {
      output(
        `${pascalCase(name)}DeadLetterQueueArn`,
        queue.deadLetterQueue!.queue.queueArn,
        `The ${name} dead-letter queue's ARN, for aws sqs start-message-move-task --source-arn (docs/operations.md)`,
      );
    }
  }

  /**
   * The topic the alarms publish to, encrypted with its own KMS key: CloudWatch cannot publish to a
   * topic encrypted with the AWS managed SNS key, so the key's policy lets CloudWatch use it.
   * TLS-only publishing, and only this account's alarms may publish.
   */
  private createTopic(email: string): Topic {
    const stack = Stack.of(this);
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts ${stack.stackName}'s operations alarm topic`,
      enableKeyRotation: true,
      // It encrypts alarm messages only while SNS delivers them: nothing needs it once the topic is gone.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    const topic = new Topic(this, 'AlarmTopic', {
      displayName: `${stack.stackName} operations`,
      masterKey: key,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          // arn:<partition>:cloudwatch:<region>:<account>:alarm:* — every alarm of this account and region.
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    topic.addSubscription(new EmailSubscription(email));
    return topic;
  }

  /** An alarm on `metric` above `threshold`, with its alarm and OK actions on the topic. */
  private alarm(
    id: string,
    metric: IMetric,
    options: { alarmName: string; alarmDescription: string; threshold: number; evaluationPeriods?: number; datapointsToAlarm?: number; treatMissingData: TreatMissingData },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...options,
      evaluationPeriods: options.evaluationPeriods ?? 1,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }

  /**
   * New messages arriving in a dead-letter queue. Not NumberOfMessagesSent: SQS does not count
   * messages it moves to a dead-letter queue after maxReceiveCount failed receives there, only
   * messages sent to it directly, so it would stay at 0 for every real dead letter. Not "visible
   * > 0" either (the alarm this replaces): it stays in ALARM while old dead letters wait, so a
   * second failure goes unnoticed. So: the increase of ApproximateNumberOfMessagesVisible from one
   * minute to the next. FILL(…, REPEAT) carries the last value over a minute whose point is late,
   * and FILL(…, 0) makes the minutes before the first point zero: SQS reports a queue only while it
   * is active, and a dead-letter queue that holds messages is always active, so no point means
   * empty. A redrive, a purge or expiry only lowers the count and raises nothing. The alarm goes
   * back to OK five minutes after the last arrival; the dead letters still wait (dashboard).
   */
  private deadLetterAlarm(name: QueueName, queue: Queue, alarmName: string): Alarm {
    const deadLetterQueue = queue.deadLetterQueue!.queue;
    const visible = deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' });
    const arrivals = new MathExpression({
      expression: 'DIFF(FILL(FILL(visible, REPEAT), 0))',
      usingMetrics: { visible },
      label: `New messages in the ${name} dead-letter queue`,
      period: Duration.minutes(1),
    });
    return this.alarm(`${pascalCase(name)}DeadLetterArrivalsAlarm`, arrivals, {
      alarmName,
      alarmDescription: `New messages arrived in the ${name} dead-letter queue: they failed ${SYSTEM.queues[name].maxReceiveCount} times and need a person. See docs/operations.md#dead-letters.`,
      threshold: 0,
      evaluationPeriods: 5,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * The oldest intake message older than a message could be while it is being retried normally
   * (visibility timeout × receives before the dead-letter queue): the worker is not taking
   * messages at all, and ideas are not reaching triage.
   */
  private intakeAgeAlarm(queue: Queue, alarmName: string): Alarm {
    const { visibilityTimeoutSeconds, maxReceiveCount } = SYSTEM.queues.intake;
    const limitSeconds = visibilityTimeoutSeconds * maxReceiveCount;
    return this.alarm('IntakeOldestMessageAlarm', queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }), {
      alarmName,
      alarmDescription: `The oldest message in the intake queue is more than ${limitSeconds / 60} minutes old: the intake worker is not taking messages. See docs/operations.md#intake-oldest-message.`,
      threshold: limitSeconds,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/** One of Spire's EMF metrics (shared/metrics.ts), with the dimensions Powertools writes. */
function spireMetric(name: MetricName, statistic: string, decision?: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE, ...(decision === undefined ? {} : { [DECISION_DIMENSION]: decision }) },
    statistic,
    period: Duration.minutes(5),
    ...(decision === undefined ? {} : { label: decision }),
  });
}

function sesMetric(name: 'Reputation.BounceRate' | 'Reputation.ComplaintRate'): Metric {
  // Account-level metrics: no dimensions. SES publishes them while the account sends.
  return new Metric({ namespace: 'AWS/SES', metricName: name, statistic: 'Maximum', period: Duration.hours(1) });
}

/** The API and the stage whose metrics the alarms and the dashboard read. */
type ApiStage = Pick<OperationsProps, 'api' | 'apiStage'>;

function apiMetric({ api, apiStage }: ApiStage, name: '4xx' | '5xx' | 'Count' | 'Latency' | 'IntegrationLatency', statistic: string): Metric {
  return new Metric({
    namespace: 'AWS/ApiGateway',
    metricName: name,
    dimensionsMap: { ApiId: api.apiId, Stage: apiStage.stageName },
    statistic,
    period: Duration.minutes(5),
  });
}

/** Percent of the stage's requests answered 5xx; no requests, no point (the alarm treats that as fine). */
function api5xxPercent(api: ApiStage): MathExpression {
  return new MathExpression({
    expression: '100 * FILL(errors, 0) / requests',
    usingMetrics: { errors: apiMetric(api, '5xx', 'Sum'), requests: apiMetric(api, 'Count', 'Sum') },
    label: 'API 5xx (% of requests)',
    period: Duration.minutes(5),
  });
}

/** The sum of one Lambda metric over every function, as one line; the ids start with the label's letters, so two sums can share a graph. */
function sumOverFunctions(functions: Record<FunctionName, IFunction>, metric: (fn: IFunction) => Metric, label: string): MathExpression {
  const prefix = label.toLowerCase().replace(/[^a-z]/g, '');
  const usingMetrics = Object.fromEntries(Object.values(functions).map((fn, index) => [`${prefix}${index}`, metric(fn)]));
  return new MathExpression({
    expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label,
    period: Duration.minutes(5),
  });
}

function dashboardRows(props: OperationsProps, alarms: OperationsAlarms): IWidget[][] {
  const { functions, queues } = props;
  const api: ApiStage = props;
  const allAlarms = [
    ...Object.values(alarms.deadLetters),
    alarms.api5xxRate,
    alarms.intakeOldestMessage,
    alarms.ideasWaitingInSubmitted,
    alarms.sesBounceRate,
    alarms.sesComplaintRate,
    ...Object.values(alarms.functionErrors),
    ...Object.values(alarms.functionThrottles),
  ];
  const sum = (name: MetricName) => spireMetric(name, 'Sum');
  const fiveMinutes = { period: Duration.minutes(5) };
  const perFunction = (metric: (fn: IFunction) => Metric) =>
    entries(functions).map(([name, fn]) => metric(fn).with({ label: name }));
  const half = { width: 12, height: 6 };
  const third = { width: 8, height: 6 };

  return [
    [
      new TextWidget({
        markdown:
          '## Spire operations\nWhat each alarm means and what to do: `docs/operations.md` in the Spire repository. ' +
          "A request's log lines: Logs Insights on `correlation_id` (the access log's and the function's).",
        width: 24,
        height: 2,
      }),
    ],
    [new AlarmStatusWidget({ title: 'Alarms', alarms: allAlarms, width: 24, height: 4 })],
    [
      new GraphWidget({ title: 'Intake: ideas submitted and admitted', left: [sum(METRIC.ideasSubmitted), sum(METRIC.ideasAdmitted)], ...third }),
      new GraphWidget({
        title: 'Intake queue: depth and oldest message (s)',
        left: [queues.intake.metricApproximateNumberOfMessagesVisible({ ...fiveMinutes, statistic: 'Maximum' })],
        right: [queues.intake.metricApproximateAgeOfOldestMessage({ ...fiveMinutes, statistic: 'Maximum' })],
        ...third,
      }),
      new GraphWidget({
        title: 'Ideas waiting in submitted, and abandoned (sweeper)',
        left: [spireMetric(METRIC.ideasWaitingInSubmitted, 'Maximum'), spireMetric(METRIC.ideasAbandoned, 'Sum')],
        ...third,
      }),
    ],
    [
      new SingleValueWidget({ title: 'Triage backlog: ideas in triage', metrics: [spireMetric(METRIC.ideasInTriage, 'Maximum')], width: 6, height: 6 }),
      new GraphWidget({ title: 'Triage backlog over time', left: [spireMetric(METRIC.ideasInTriage, 'Maximum')], width: 6, height: 6 }),
      new GraphWidget({
        title: 'Triage decisions by kind',
        left: DECISION_KINDS.map((kind) => spireMetric(METRIC.triageDecisions, 'Sum', kind)),
        stacked: true,
        width: 6,
        height: 6,
      }),
      new GraphWidget({
        title: 'Gate decisions',
        left: GATE_DECISIONS.map((decision) => spireMetric(METRIC.gateDecisions, 'Sum', decision)),
        stacked: true,
        width: 6,
        height: 6,
      }),
    ],
    [
      new GraphWidget({
        title: 'API: requests, 4xx and 5xx',
        left: [apiMetric(api, 'Count', 'Sum'), apiMetric(api, '4xx', 'Sum'), apiMetric(api, '5xx', 'Sum')],
        ...third,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [apiMetric(api, 'Latency', 'p50'), apiMetric(api, 'Latency', 'p95'), apiMetric(api, 'IntegrationLatency', 'p95')],
        ...third,
      }),
      new GraphWidget({
        title: 'Lambda errors and throttles, all functions',
        left: [
          sumOverFunctions(functions, (fn) => fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' }), 'Errors'),
          sumOverFunctions(functions, (fn) => fn.metricThrottles({ ...fiveMinutes, statistic: 'Sum' }), 'Throttles'),
        ],
        ...third,
      }),
    ],
    [
      new GraphWidget({ title: 'Lambda errors by function', left: perFunction((fn) => fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' })), ...half }),
      new GraphWidget({ title: 'Lambda duration p95 by function (ms)', left: perFunction((fn) => fn.metricDuration({ ...fiveMinutes, statistic: 'p95' })), ...half }),
    ],
    [
      new GraphWidget({
        title: 'Dead-letter queues: messages waiting',
        left: entries(queues).map(([name, queue]) =>
          queue.deadLetterQueue!.queue.metricApproximateNumberOfMessagesVisible({ ...fiveMinutes, statistic: 'Maximum', label: name }),
        ),
        ...third,
      }),
      new GraphWidget({
        title: 'E-mail: sent, failed attempts, abandoned',
        left: [sum(METRIC.notificationsSent), sum(METRIC.notificationsFailed), sum(METRIC.notificationsAbandoned)],
        ...third,
      }),
      new GraphWidget({
        title: 'SES reputation (account)',
        left: [sesMetric('Reputation.BounceRate'), sesMetric('Reputation.ComplaintRate')],
        leftAnnotations: [
          { value: SES_ALARM_THRESHOLDS.bounceRate, label: 'bounce alarm' },
          { value: SES_ALARM_THRESHOLDS.complaintRate, label: 'complaint alarm' },
        ],
        ...third,
      }),
    ],
  ];
}

/** 0.0005 → "0.05" */
function percent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(6)));
}
