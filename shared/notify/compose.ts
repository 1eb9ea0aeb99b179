/**
 * The e-mails Spire sends, composed from the change they tell about. Pure. Anonymous ideas get
 * none (they store no address: their submitter reads the messages with the follow-up token), and
 * neither does a submitter whose token carried no e-mail address.
 */
import { commentMessage, notificationEmail, submitterMessage } from '../domain/messages.ts';
import type { Idea, Language } from '../domain/idea.ts';
import type { Comment, Notification } from '../domain/notification.ts';
import { daysSince } from '../domain/inbox.ts';
import { copenhagenDay } from '../domain/calendar.ts';

function recipientOf(idea: Idea): { to: string; name?: string } | undefined {
  if (idea.anonymous || idea.submitter?.email === undefined) return undefined;
  return { to: idea.submitter.email, ...(idea.submitter.name === undefined ? {} : { name: idea.submitter.name }) };
}

/**
 * The ids of every e-mail an idea's submitter may have been sent: one per version (a change of
 * status) and one per comment to them. A notification's id is the change it tells about, so a
 * redelivery cannot send it twice, and a person's e-mails are found without an index of them
 * (the GDPR export and erasure, shared/privacy/).
 */
export function submitterNotificationIds(idea: Pick<Idea, 'id' | 'version'>, comments: readonly Pick<Comment, 'id' | 'visibility'>[]): string[] {
  const ids: string[] = [];
  for (let version = 1; version <= idea.version; version++) ids.push(statusNotificationId(idea.id, version));
  for (const comment of comments) if (comment.visibility === 'submitter') ids.push(commentNotificationId(idea.id, comment.id));
  return ids;
}

const statusNotificationId = (ideaId: string, version: number) => `${ideaId}.v${version}`;
const commentNotificationId = (ideaId: string, commentId: string) => `${ideaId}.c${commentId}`;

/** The e-mail for an idea's new status; `idea` is the idea after the change, at its new version. */
export function statusNotification(idea: Idea, at: string): Notification | undefined {
  const recipient = recipientOf(idea);
  if (recipient === undefined) return undefined;
  const message = submitterMessage(idea.status, idea.decision, idea.language);
  const email = notificationEmail({ title: idea.title, ...(recipient.name === undefined ? {} : { submitterName: recipient.name }) }, message, idea.language);
  return { id: statusNotificationId(idea.id, idea.version), kind: 'idea-status', ideaId: idea.id, to: recipient.to, language: idea.language, ...email, createdAt: at };
}

/** The e-mail for a comment the digitalisation team writes to the submitter. */
export function commentNotification(idea: Idea, comment: Comment): Notification | undefined {
  const recipient = recipientOf(idea);
  if (recipient === undefined || comment.visibility !== 'submitter') return undefined;
  const message = commentMessage(comment.text, idea.language);
  const email = notificationEmail({ title: idea.title, ...(recipient.name === undefined ? {} : { submitterName: recipient.name }) }, message, idea.language);
  return { id: commentNotificationId(idea.id, comment.id), kind: 'idea-comment', ideaId: idea.id, to: recipient.to, language: idea.language, ...email, createdAt: comment.at };
}

/** The team's daily digest of the ideas that have waited in triage longer than the service level. */
export function triageDigest(
  overdue: readonly Pick<Idea, 'id' | 'title' | 'department' | 'statusChangedAt'>[],
  settings: { to: string; serviceLevelDays: number; language: Language },
  now: Date,
): Notification {
  const day = copenhagenDay(now);
  const da = settings.language === 'da';
  const lines = overdue.map((idea) => `- ${idea.title} (${idea.department}): ${String(daysSince(idea.statusChangedAt, now)).replace('.', da ? ',' : '.')} ${da ? 'dage' : 'days'} — ${idea.id}`);
  return {
    id: `digest.${day}`,
    kind: 'triage-digest',
    to: settings.to,
    language: settings.language,
    subject: da
      ? `${overdue.length === 1 ? '1 idé har' : `${overdue.length} idéer har`} ventet mere end ${settings.serviceLevelDays} dage på en vurdering`
      : `${overdue.length === 1 ? '1 idea has' : `${overdue.length} ideas have`} waited more than ${settings.serviceLevelDays} days for triage`,
    text: [
      da ? `Disse idéer har ventet længere end servicemålet på ${settings.serviceLevelDays} dage:` : `These ideas have waited longer than the ${settings.serviceLevelDays}-day service level:`,
      lines.join('\n'),
    ].join('\n\n'),
    createdAt: now.toISOString(),
  };
}
