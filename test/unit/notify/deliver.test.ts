import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../../shared/notify/deliver.ts';
import { rejectionOf } from '../support/errors.ts';
import { InMemoryNotificationStore, RecordingMailer } from '../support/fakes.ts';
import { aNotification, IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';

const NOW = new Date('2026-01-05T08:31:02.000Z');
const now = () => NOW;
const ID = `${IDEA_ID}.v2`;

function setup() {
  const log: string[] = [];
  const notifications = new InMemoryNotificationStore(log).seed(aNotification());
  const mailer = new RecordingMailer(log);
  return { log, notifications, mailer, deps: { notifications, mailer } };
}

describe('deliverNotification', () => {
  it('sends the stored e-mail and marks it sent', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();

    // Act
    const outcome = await deliverNotification(deps, ID, now);

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
    await deliverNotification(deps, ID, now);

    // Assess
    expect(log).toEqual([`mailer.send ${ID}`, `notifications.markSent ${ID}`]);
  });

  it('sends nothing again when the same notification is delivered a second time', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();
    await deliverNotification(deps, ID, now);

    // Act
    const outcome = await deliverNotification(deps, ID, () => new Date(NOW.getTime() + 60_000));

    // Assess
    expect(outcome).toBe('already-sent');
    expect(mailer.sent).toHaveLength(1);
    expect((await notifications.get(ID))?.sentAt).toBe(NOW.toISOString());
  });

  it('answers unknown for a notification that is not stored, and sends nothing', async () => {
    // Prepare
    const { mailer, deps } = setup();

    // Act
    const outcome = await deliverNotification(deps, 'no-such-notification', now);

    // Assess
    expect(outcome).toBe('unknown');
    expect(mailer.sent).toEqual([]);
  });

  it('leaves the notification pending when the mailer fails, so a retry sends it', async () => {
    // Prepare
    const { notifications, mailer, deps } = setup();
    mailer.outage = new Error('SES throttled the request');

    // Act
    const error = await rejectionOf(deliverNotification(deps, ID, now));

    // Assess
    expect(error.message).toBe('SES throttled the request');
    expect(await notifications.get(ID)).not.toHaveProperty('sentAt');
    expect(await notifications.listPending('9999', 10)).toEqual([{ id: ID, requeues: 0 }]);
  });
});
