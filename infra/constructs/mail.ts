/**
 * Spire's e-mail in Amazon SES: the sending identity (the sender's domain, with Easy DKIM), the
 * configuration set every e-mail is sent with, and its event destination, which publishes bounces
 * and complaints to an SNS topic that feeds the mail events queue, consumed by the mail feedback
 * function (functions/mail-feedback.ts). docs/deploying.md tells which DNS records to publish.
 */
import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MailProps {
  /** The sender's domain: the identity the e-mails are sent from. */
  domain: string;
  /** Whether this stack creates that identity (an identity exists once per account and region; see infra/settings.ts). */
  createIdentity: boolean;
  /** Where SES's bounce and complaint events go. */
  eventsQueue: IQueue;
}

/** The stack outputs the DKIM records are published under: three CNAME records, name and value each. */
export const DKIM_OUTPUTS = [1, 2, 3].map((n) => ({ name: `MailDkimRecord${n}Name`, value: `MailDkimRecord${n}Value` }));

export class Mail extends Construct {
  /** The domain identity; absent when another stack in the account and region owns it. */
  readonly identity: EmailIdentity | undefined;
  readonly configurationSet: ConfigurationSet;
  readonly eventsTopic: Topic;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // The e-mails carry ideas and names: never in clear text between mail servers.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      // Bounce and complaint rates of this configuration set, in CloudWatch, beside the account's.
      reputationMetrics: true,
      // SES itself refuses addresses that bounced or complained, as Spire does (shared/notify/feedback.ts).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.eventsTopic = new Topic(this, 'EventsTopic', { displayName: `${stack.stackName} SES bounces and complaints`, enforceSSL: true });
    Validations.of(this.eventsTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'SES bounce and complaint events stay in this topic only until SNS delivers them, over TLS, to the mail events queue, which is encrypted at rest (SQS-managed SSE). ' +
        'Encrypting the topic would need a customer-managed KMS key whose policy lets SES use it, for no data held at rest here.',
    });
    const destination = this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // After the topic's policy lets SES publish, so no event of the first minutes is refused.
    destination.node.addDependency(this.eventsTopic);
    // Not raw: the queue gets SNS's envelope, whose topic and message id say where an event came from (shared/schemas/mail-events.ts).
    this.eventsTopic.addSubscription(new SqsSubscription(props.eventsQueue, { rawMessageDelivery: false }));

    if (props.createIdentity) {
      this.identity = new EmailIdentity(this, 'Identity', {
        identity: Identity.domain(props.domain),
        dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      });
      new CfnOutput(stack, 'MailIdentityDomain', { value: props.domain, description: 'The SES identity Spire sends from; it is verified once the DKIM records below are published in its DNS' });
      this.identity.dkimRecords.forEach((record, index) => {
        const output = DKIM_OUTPUTS[index]!;
        new CfnOutput(stack, output.name, { value: record.name, description: `DKIM record ${index + 1} of 3: publish a CNAME with this name in ${props.domain}'s DNS` });
        new CfnOutput(stack, output.value, { value: record.value, description: `DKIM record ${index + 1} of 3: the CNAME's value` });
      });
    } else {
      this.identity = undefined;
    }
    new CfnOutput(stack, 'MailConfigurationSetName', { value: this.configurationSet.configurationSetName, description: 'The SES configuration set every e-mail is sent with' });
    new CfnOutput(stack, 'MailEventsTopicArn', { value: this.eventsTopic.topicArn, description: 'SES publishes bounces and complaints here; it feeds the mail events queue' });
  }
}
