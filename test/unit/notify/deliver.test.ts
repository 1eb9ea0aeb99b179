import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../../shared/notify/deliver.ts';
import { rejectionOf } from '../support/errors.ts';
import { InMemoryMailSuppressionStore, InMemoryNotificationStore, RecordingMailer } from '../support/fakes.ts';
import { aNotification, IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-05T08:31:02.000Z');
const ID = `${IDEA_ID}.v2`;

function setup() {
  const log: string[] = [];
  const notifications = new InMemoryNotificationStore(log).seed(aNotification());
  const mailer = new RecordingMailer(log);
  const suppressions = new InMemoryMailSuppressionStore(log);
  return { log, notifications, mailer, suppressions, deps: { notifications, mailer, suppressions, clock: fixedClock(NOW) } };
}

describe('deliverNotification', () => {
  it('sends the stored e-mail and marks it sent', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();

    // Act
    const outcome = await deliverNotification(deps, ID);

    // Assess
    expect(outcome).toBe('sent');
    expect(mailer.sent).toEqual([{ id: ID, to: SUBMITTER_EMAIL, subject: aNotification().subject, text: aNotification().text, language: 'da' }]);
    expect((await notifications.get(ID))?.sentAt).toBe(NOW.toISOString());
    expect(await notifications.listPending('9999', 10)).toEqual([]);
  });

  it('marks the e-mail sent only after the mailer took it', async () => {
    // Prepare
    const { log, deps } = setup();

    // Act
    await deliverNotification(deps, ID);

    // Assess
    expect(log).toEqual([`mailer.send ${ID}`, `notifications.markSent ${ID}`]);
  });

  it('sends nothing again when the same notification is delivered a second time', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();
    await deliverNotification(deps, ID);

    // Act
    const outcome = await deliverNotification({ ...deps, clock: fixedClock(NOW.getTime() + 60_000) }, ID);

    // Assess
    expect(outcome).toBe('already-sent');
    expect(mailer.sent).toHaveLength(1);
    expect((await notifications.get(ID))?.sentAt).toBe(NOW.toISOString());
  });

  it('answers unknown for a notification that is not stored, and sends nothing', async () => {
    // Prepare
    const { mailer, deps } = setup();

    // Act
    const outcome = await deliverNotification(deps, 'no-such-notification');

    // Assess
    expect(outcome).toBe('unknown');
    expect(mailer.sent).toEqual([]);
  });

  it('leaves the notification pending when the mailer fails, so a retry sends it', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();
    mailer.outage = new Error('SES throttled the request');

    // Act
    const error = await rejectionOf(deliverNotification(deps, ID));

    // Assess
    expect(error.message).toBe('SES throttled the request');
    expect(await notifications.get(ID)).not.toHaveProperty('sentAt');
    expect(await notifications.listPending('9999', 10)).toEqual([{ id: ID, requeues: 0 }]);
  });

  describe('to an address SES reported undeliverable', () => {
    const bounced = { address: SUBMITTER_EMAIL, reason: 'bounce', detail: 'General', at: '2026-01-04T10:00:00.000Z', feedbackId: 'feedback-1' } as const;

    it('sends nothing and marks the notification not sent, because the address bounced', async () => {
      // Prepare
      const { notifications, mailer, suppressions, deps } = setup();
      await suppressions.suppress(bounced);

      // Act
      const outcome = await deliverNotification(deps, ID);

      // Assess
      expect(outcome).toBe('undeliverable');
      expect(mailer.sent).toEqual([]);
      expect(await notifications.get(ID)).toMatchObject({ notSentAt: NOW.toISOString(), notSentReason: 'address-bounced' });
      expect(await notifications.get(ID)).not.toHaveProperty('sentAt');
    });

    it('takes the notification off the pending list, so the sweeper does not queue it again', async () => {
      // Prepare
      const { notifications, suppressions, deps } = setup();
      await suppressions.suppress({ ...bounced, reason: 'complaint', detail: 'abuse' });

      // Act
      await deliverNotification(deps, ID);

      // Assess
      expect(await notifications.listPending('9999', 10)).toEqual([]);
      expect((await notifications.get(ID))?.notSentReason).toBe('address-complained');
    });

    it('matches the address whatever its case or surrounding spaces', async () => {
      // Prepare
      const { mailer, suppressions, deps } = setup();
      await suppressions.suppress({ ...bounced, address: `  ${SUBMITTER_EMAIL.toUpperCase()} ` });

      // Act
      const outcome = await deliverNotification(deps, ID);

      // Assess
      expect(outcome).toBe('undeliverable');
      expect(mailer.sent).toEqual([]);
    });

    it('answers undeliverable again, without a second write, when the message comes back', async () => {
      // Prepare
      const { log, suppressions, deps } = setup();
      await suppressions.suppress(bounced);
      await deliverNotification(deps, ID);
      log.length = 0;

      // Act
      const outcome = await deliverNotification({ ...deps, clock: fixedClock(NOW.getTime() + 60_000) }, ID);

      // Assess
      expect(outcome).toBe('undeliverable');
      expect(log).toEqual([]);
    });

    it('still mails every other address', async () => {
      // Prepare
      const { mailer, suppressions, deps } = setup();
      await suppressions.suppress({ ...bounced, address: 'someone.else@kommune.example' });

      // Act
      const outcome = await deliverNotification(deps, ID);

      // Assess
      expect(outcome).toBe('sent');
      expect(mailer.sent).toHaveLength(1);
    });
  });
});
