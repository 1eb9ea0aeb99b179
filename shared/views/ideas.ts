import type { Idea, IdeaDecision, IdeaEvent, Language } from '../domain/idea.ts';
import type { IdeaView } from '../domain/access.ts';
import type { Comment } from '../domain/notification.ts';
import { commentMessage, currentStatusMessage, IDEA_STATUS_LABELS, submitterMessage } from '../domain/messages.ts';

/** What an idea's page shows besides the idea and its history. */
export interface IdeaExtras {
  comments?: readonly Comment[];
  supportCount?: number;
  /**
   * The idea a merged idea now lives on, as its submitter may follow it: its title and status
   * only. That idea's messages (triage's question or decline text) are written to its own
   * submitter, another person, and are never shown here.
   */
  mergedInto?: Pick<Idea, 'id' | 'title' | 'status'>;
}

/**
 * The shapes in which ideas leave the API. The submitter's shape names nobody: history shows
 * what happened and a human message, not who did it, and only the comments written to them. The
 * staff shape adds the audit trail's actors, internal comments and, for ideas that are not
 * anonymous, who submitted them.
 */
export function ideaDocument(idea: Idea, history: readonly IdeaEvent[], view: Exclude<IdeaView, 'none'>, language: Language, extras: IdeaExtras = {}) {
  const staff = view === 'staff';
  // The submitter's history is their idea's journey; triage's own work on it stays internal.
  const journey = history.filter((event) => staff || event.change === undefined);
  const comments = (extras.comments ?? []).filter((comment) => staff || comment.visibility === 'submitter');
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    description: idea.description,
    department: idea.department,
    language: idea.language,
    anonymous: idea.anonymous,
    status: idea.status,
    statusMessage: currentStatusMessage(idea, language),
    submittedAt: idea.createdAt,
    statusChangedAt: idea.statusChangedAt,
    ...(idea.friction === undefined ? {} : { friction: idea.friction }),
    ...(idea.frictionHoursPerYear === undefined ? {} : { frictionHoursPerYear: idea.frictionHoursPerYear }),
    ...(idea.figuresUnknown === true ? { figuresUnknown: true as const } : {}),
    ...(extras.supportCount === undefined ? {} : { supportCount: extras.supportCount }),
    ...(idea.decision === undefined ? {} : { decision: decisionView(idea.decision, staff) }),
    ...(extras.mergedInto === undefined
      ? {}
      : {
          mergedInto: {
            id: extras.mergedInto.id,
            title: extras.mergedInto.title,
            status: extras.mergedInto.status,
            statusLabel: IDEA_STATUS_LABELS[extras.mergedInto.status][language],
          },
        }),
    ...(staff && idea.submitter !== undefined ? { submitter: idea.submitter } : {}),
    ...(staff ? { version: idea.version } : {}),
    ...(staff && idea.assignee !== undefined ? { assignee: idea.assignee } : {}),
    ...(staff && idea.themeAlignment !== undefined ? { themeAlignment: idea.themeAlignment } : {}),
    ...(staff && idea.duplicateCandidates !== undefined ? { duplicateCandidates: idea.duplicateCandidates } : {}),
    ...(staff && idea.scorecard !== undefined ? { scorecard: idea.scorecard } : {}),
    history: journey.map((event) => ({
      at: event.at,
      ...(event.from === undefined ? {} : { from: event.from }),
      status: event.to,
      message: submitterMessage(event.to, event.decision, language),
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      ...(event.answer === undefined ? {} : { answer: event.answer }),
      ...(staff ? { actor: event.actor, ...(event.change === undefined ? {} : { change: event.change }) } : {}),
    })),
    ...(staff ? { comments: comments.map((comment) => ({ ...comment })) } : {}),
    messages: messagesFor(journey.filter((event) => event.change === undefined), comments, language),
  };
}

/**
 * What the submitter has been told, oldest first: a message for every change of status and
 * every comment written to them — the same text their e-mails carried.
 */
function messagesFor(statusEvents: readonly IdeaEvent[], comments: readonly Comment[], language: Language) {
  const messages = [
    ...statusEvents.map((event) => ({ at: event.at, kind: 'status' as const, status: event.to, text: submitterMessage(event.to, event.decision, language) })),
    ...comments.filter((comment) => comment.visibility === 'submitter').map((comment) => ({ at: comment.at, kind: 'comment' as const, text: commentMessage(comment.text, language) })),
  ];
  return messages.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * One page of an idea's comments as its reader may see them (GET /ideas/{id}/comments): staff get
 * every comment with its author and visibility; the submitter only those written to them, as the
 * messages of their idea's page show them.
 */
export function commentsView(comments: readonly Comment[], view: Exclude<IdeaView, 'none'>, language: Language) {
  if (view === 'staff') return comments.map((comment) => ({ ...comment }));
  return comments
    .filter((comment) => comment.visibility === 'submitter')
    .map((comment) => ({ id: comment.id, at: comment.at, kind: 'comment' as const, text: commentMessage(comment.text, language) }));
}

/** The decision as its reader may see it: the submitter is not told which member of staff took it. */
function decisionView(decision: IdeaDecision, staff: boolean) {
  const { by, ...rest } = decision;
  return staff ? { ...rest, by } : rest;
}

/** One row of a submitter's list of own ideas. */
export function ideaSummary(idea: Idea, language: Language) {
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    status: idea.status,
    statusMessage: currentStatusMessage(idea, language),
    submittedAt: idea.createdAt,
    statusChangedAt: idea.statusChangedAt,
    // A merged idea lives on in another: its page (GET /ideas/{id}) shows that one's status.
    ...(idea.status === 'duplicate' && idea.decision?.mergedInto !== undefined ? { mergedInto: idea.decision.mergedInto } : {}),
  };
}
