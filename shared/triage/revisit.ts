import type { Clock } from '../domain/clock.ts';
import { copenhagenDay } from '../domain/calendar.ts';
import { ideaAfter } from '../domain/idea.ts';
import { logger } from '../logger.ts';
import { statusNotification } from '../notify/compose.ts';
import { queueStoredNotification, type NotifyQueue } from '../queue/notify-queue.ts';
import { VersionConflictError, type BackgroundWorkStore, type IdeaStore, type NotificationStore } from '../store/ports.ts';

/** The most parked ideas one run brings back; the next run takes the rest. */
const BATCH_LIMIT = 200;

/**
 * Scheduled: brings parked ideas whose revisit day has come (in Copenhagen) back to `in_triage`,
 * each with its history event and a message to the submitter. Reads only the revisit entries of
 * days up to today. An idea somebody changed meanwhile is left as it is.
 */
export async function revisitParkedIdeas(deps: {
  store: Pick<IdeaStore, 'getIdea' | 'transition'>;
  work: Pick<BackgroundWorkStore, 'listDueRevisits'>;
  notifications: Pick<NotificationStore, 'creation'>;
  queue: NotifyQueue;
  clock: Clock;
}): Promise<{ due: number; revisited: number }> {
  const { store, queue } = deps;
  const today = copenhagenDay(deps.clock.now());
  const ids = await deps.work.listDueRevisits(today, BATCH_LIMIT);
  let revisited = 0;
  for (const id of ids) {
    const idea = await store.getIdea(id);
    if (idea === undefined || idea.status !== 'parked' || (idea.decision?.revisitOn ?? today) > today) continue;
    const at = deps.clock.now().toISOString();
    const notification = statusNotification(ideaAfter(idea, { to: 'in_triage', at, set: { decision: undefined } }), at);
    try {
      await store.transition(
        {
          idea,
          to: 'in_triage',
          actor: { kind: 'system' },
          at,
          reason: `revisit day ${idea.decision?.revisitOn ?? today} reached`,
          set: { decision: undefined },
        },
        ...(notification === undefined ? [] : [deps.notifications.creation(notification)]),
      );
    } catch (error) {
      if (error instanceof VersionConflictError) continue;
      throw error;
    }
    revisited++;
    await queueStoredNotification(queue, notification?.id);
  }
  if (ids.length > 0) logger.info('Parked ideas revisited', { due: ids.length, revisited });
  return { due: ids.length, revisited };
}
