import { describe, expect, it } from 'vitest';
import { parseMailEvent } from '../../../shared/schemas/mail-events.ts';
import { bounceEvent, complaintEvent, snsEnvelope } from '../../fixtures/ses-events.ts';

const TO = 'birthe.sorensen@kommune.example';

describe('parseMailEvent', () => {
  it('reads a permanent bounce from inside the SNS envelope, with the recipient, the reason and the notification tag', () => {
    // Act
    const event = parseMailEvent(snsEnvelope(bounceEvent({ to: TO, notificationId: 'idea-1.v3' })));

    // Assess
    expect(event).toMatchObject({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: TO, status: '5.1.1' }], feedbackId: expect.any(String) },
      mail: { tags: { notification: ['idea-1.v3'], 'ses:configuration-set': ['Spire-prod-MailConfigurationSet'] } },
    });
  });

  it('reads a transient bounce', () => {
    // Act
    const event = parseMailEvent(snsEnvelope(bounceEvent({ to: TO, bounceType: 'Transient', bounceSubType: 'MailboxFull' })));

    // Assess
    expect(event).toMatchObject({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull' } });
  });

  it('reads a complaint with its feedback type', () => {
    // Act
    const event = parseMailEvent(snsEnvelope(complaintEvent({ to: TO })));

    // Assess
    expect(event).toMatchObject({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: TO }], complaintFeedbackType: 'abuse' } });
  });

  it('reads an identity’s own feedback notification, which names its type notificationType', () => {
    // Prepare
    const { eventType, ...rest } = bounceEvent({ to: TO });

    // Act
    const event = parseMailEvent(snsEnvelope({ notificationType: eventType, ...rest }));

    // Assess
    expect(event.eventType).toBe('Bounce');
  });

  it('lets fields SES adds later through, so a new field cannot fail a message', () => {
    // Prepare
    const event = bounceEvent({ to: TO });

    // Act
    const parsed = parseMailEvent(snsEnvelope({ ...event, bounce: { ...event.bounce, someFutureField: 'x' } }));

    // Assess
    expect(parsed.eventType).toBe('Bounce');
  });

  it.each([
    ['a body that is not JSON', '{"Type":'],
    ['an SNS subscription confirmation', JSON.stringify({ Type: 'SubscriptionConfirmation', MessageId: 'm', TopicArn: 't', Message: '{}', Timestamp: 't' })],
    ['a raw SES event without the envelope', JSON.stringify(bounceEvent({ to: TO }))],
    ['a message that is not JSON', JSON.stringify({ Type: 'Notification', MessageId: 'm', TopicArn: 't', Message: 'Bounce!', Timestamp: 't' })],
    ['a delivery event', snsEnvelope({ ...bounceEvent({ to: TO }), eventType: 'Delivery' })],
    ['a bounce type SES does not have', snsEnvelope(bounceEvent({ to: TO, bounceType: 'Soft' }))],
    ['a bounce without recipients', snsEnvelope({ ...bounceEvent({ to: TO }), bounce: { ...bounceEvent({ to: TO }).bounce, bouncedRecipients: [] } })],
    ['a recipient that is not an address', snsEnvelope(complaintEvent({ to: 'birthe' }))],
  ])('refuses %s', (_case, body) => {
    // Act
    const parse = () => parseMailEvent(body);

    // Assess
    expect(parse).toThrow();
  });
});
