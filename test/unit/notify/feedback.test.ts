import { describe, expect, it } from 'vitest';
import { applyMailFeedback } from '../../../shared/notify/feedback.ts';
import { parseMailEvent } from '../../../shared/schemas/mail-events.ts';
import { bounceEvent, complaintEvent, snsEnvelope } from '../../fixtures/ses-events.ts';
import { InMemoryMailSuppressionStore } from '../support/fakes.ts';

const TO = 'Birthe.Sorensen@Kommune.example';
const NORMALISED = 'birthe.sorensen@kommune.example';

/** The event as the mail feedback function gets it: parsed from the SNS envelope. */
const received = (event: unknown) => parseMailEvent(snsEnvelope(event));

function setup() {
  const suppressions = new InMemoryMailSuppressionStore();
  return { suppressions, deps: { suppressions } };
}

describe('applyMailFeedback', () => {
  it('marks the address of a permanent bounce undeliverable, normalised, with the reason, the report and the notification', async () => {
    // Prepare
    const { suppressions, deps } = setup();

    // Act
    const outcome = await applyMailFeedback(deps, received(bounceEvent({ to: TO, notificationId: 'idea-1.v3' })));

    // Assess
    expect(outcome).toEqual({ suppressed: 1, alreadySuppressed: 0 });
    expect(await suppressions.find(NORMALISED)).toEqual({
      address: NORMALISED,
      reason: 'bounce',
      detail: 'General',
      at: '2026-01-05T08:31:04.669Z',
      feedbackId: '010001951f3c8a11-9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d-000000',
      notificationId: 'idea-1.v3',
    });
  });

  it('marks the address of a complaint undeliverable', async () => {
    // Prepare
    const { suppressions, deps } = setup();

    // Act
    const outcome = await applyMailFeedback(deps, received(complaintEvent({ to: TO })));

    // Assess
    expect(outcome).toEqual({ suppressed: 1, alreadySuppressed: 0 });
    expect(await suppressions.find(TO)).toMatchObject({ reason: 'complaint', detail: 'abuse' });
  });

  it('marks an address SES itself suppressed (a permanent bounce of sub-type OnAccountSuppressionList)', async () => {
    // Prepare
    const { suppressions, deps } = setup();

    // Act
    await applyMailFeedback(deps, received(bounceEvent({ to: TO, bounceSubType: 'OnAccountSuppressionList' })));

    // Assess
    expect(await suppressions.find(TO)).toMatchObject({ reason: 'bounce', detail: 'OnAccountSuppressionList' });
  });

  it.each([
    ['Transient', 'MailboxFull'],
    ['Transient', 'General'],
    ['Undetermined', 'Undetermined'],
  ])('only logs a %s bounce (%s): the address stays deliverable', async (bounceType, bounceSubType) => {
    // Prepare
    const { suppressions, deps } = setup();

    // Act
    const outcome = await applyMailFeedback(deps, received(bounceEvent({ to: TO, bounceType, bounceSubType })));

    // Assess
    expect(outcome).toEqual({ suppressed: 0, alreadySuppressed: 0 });
    expect(suppressions.suppressions.size).toBe(0);
  });

  it('keeps the first report when the same bounce arrives twice', async () => {
    // Prepare
    const { suppressions, deps } = setup();
    await applyMailFeedback(deps, received(bounceEvent({ to: TO })));

    // Act
    const outcome = await applyMailFeedback(deps, received(complaintEvent({ to: TO })));

    // Assess
    expect(outcome).toEqual({ suppressed: 0, alreadySuppressed: 1 });
    expect((await suppressions.find(TO))?.reason).toBe('bounce');
  });

  it('leaves the notification out when the e-mail carried no notification tag', async () => {
    // Prepare
    const { suppressions, deps } = setup();
    const event = bounceEvent({ to: TO });
    const { notification: _notification, ...tags } = event.mail.tags;

    // Act
    await applyMailFeedback(deps, received({ ...event, mail: { ...event.mail, tags } }));

    // Assess
    expect(await suppressions.find(TO)).not.toHaveProperty('notificationId');
  });
});
