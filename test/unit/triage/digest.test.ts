import { describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import { deliverNotification } from '../../../shared/notify/deliver.ts';
import { sendTriageDigest, type DigestSettings } from '../../../shared/triage/digest.ts';
import { InMemoryIdeaStore, InMemoryMailSuppressionStore, InMemoryNotificationStore, RecordingMailer, RecordingNotifyQueue } from '../support/fakes.ts';
import { anIdeaInTriage } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-20T06:00:00.000Z');
const settings: DigestSettings = { to: 'digitalisering@kommune.example', serviceLevelDays: 10, language: 'da' };

/** An idea that has been in `status` for `days` days at NOW. */
function waiting(n: number, days: number, overrides: Partial<Idea> = {}): Idea {
  const since = new Date(NOW.getTime() - days * 86_400_000).toISOString();
  return anIdeaInTriage({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, title: `Idé ${n}`, statusChangedAt: since, ...overrides });
}

function setup(...ideas: Idea[]) {
  const store = new InMemoryIdeaStore().seed(...ideas);
  const notifications = new InMemoryNotificationStore(store.log);
  const queue = new RecordingNotifyQueue();
  return { store, notifications, queue, deps: { store, notifications, queue, clock: fixedClock(NOW) } };
}

describe('sendTriageDigest', () => {
  it('sends nothing when no idea has waited past the service level', async () => {
    // Prepare: 9.5 days is within the 10-day service level; the parked idea is not waiting for triage.
    const { notifications, queue, deps } = setup(waiting(1, 9.5), waiting(2, 30, { status: 'parked' }));

    // Act
    const result = await sendTriageDigest(deps, settings);

    // Assess
    expect(result).toEqual({ overdue: 0 });
    expect(notifications.notifications.size).toBe(0);
    expect(queue.sent).toEqual([]);
  });

  it('stores and queues one e-mail to the team listing the overdue ideas, longest waiting first', async () => {
    // Prepare
    const { notifications, queue, deps } = setup(waiting(1, 11), waiting(2, 9), waiting(3, 14.5), waiting(4, 40, { status: 'needs_info' }));

    // Act
    const result = await sendTriageDigest(deps, settings);

    // Assess
    expect(result).toEqual({ overdue: 2, notificationId: 'digest.2026-01-20' });
    const digest = await notifications.get('digest.2026-01-20');
    expect(digest).toMatchObject({ kind: 'triage-digest', to: 'digitalisering@kommune.example', language: 'da', createdAt: NOW.toISOString() });
    expect(digest?.subject).toBe('2 idéer har ventet mere end 10 dage på en vurdering');
    const lines = digest?.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([`- Idé 3 (Ældre og sundhed): 14,5 dage — ${waiting(3, 14.5).id}`, `- Idé 1 (Ældre og sundhed): 11 dage — ${waiting(1, 11).id}`]);
    expect(queue.sent).toEqual([['digest.2026-01-20']]);
  });

  it('keeps one digest per day, so a second run that day e-mails nobody twice', async () => {
    // Prepare
    const { notifications, deps } = setup(waiting(1, 11));
    const mailer = new RecordingMailer();
    await sendTriageDigest(deps, settings);
    await deliverNotification({ notifications, mailer, suppressions: new InMemoryMailSuppressionStore(), clock: fixedClock(NOW) }, 'digest.2026-01-20');

    // Act
    const second = await sendTriageDigest({ ...deps, clock: fixedClock(NOW.getTime() + 3_600_000) }, settings);
    const delivery = await deliverNotification({ notifications, mailer, suppressions: new InMemoryMailSuppressionStore(), clock: fixedClock(NOW) }, 'digest.2026-01-20');

    // Assess
    expect(second.notificationId).toBe('digest.2026-01-20');
    expect(notifications.notifications.size).toBe(1);
    expect(delivery).toBe('already-sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('writes a new digest the next day', async () => {
    // Prepare
    const { notifications, deps } = setup(waiting(1, 11));
    await sendTriageDigest(deps, settings);

    // Act
    const next = await sendTriageDigest({ ...deps, clock: fixedClock(NOW.getTime() + 86_400_000) }, settings);

    // Assess
    expect(next.notificationId).toBe('digest.2026-01-21');
    expect(notifications.notifications.size).toBe(2);
  });

  it('writes the digest in English when the team reads English', async () => {
    // Prepare
    const { notifications, deps } = setup(waiting(1, 11));

    // Act
    await sendTriageDigest(deps, { ...settings, language: 'en' });

    // Assess
    const digest = await notifications.get('digest.2026-01-20');
    expect(digest?.subject).toBe('1 idea has waited more than 10 days for triage');
    expect(digest?.text).toContain('11 days');
  });
});
