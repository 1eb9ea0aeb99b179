import type { Idea, IdeaEvent, Language } from '../domain/idea.ts';
import type { IdeaView } from '../domain/access.ts';
import { statusMessage } from '../domain/messages.ts';

/**
 * The shapes in which ideas leave the API. The submitter's shape names nobody: history shows
 * what happened and a human message, not who did it. The staff shape adds the audit trail's
 * actors and, for ideas that are not anonymous, who submitted them.
 */
export function ideaDocument(idea: Idea, history: readonly IdeaEvent[], view: Exclude<IdeaView, 'none'>, language: Language) {
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    description: idea.description,
    department: idea.department,
    language: idea.language,
    anonymous: idea.anonymous,
    status: idea.status,
    statusMessage: statusMessage(idea.status, language),
    submittedAt: idea.createdAt,
    statusChangedAt: idea.statusChangedAt,
    ...(idea.friction === undefined ? {} : { friction: idea.friction }),
    ...(idea.frictionHoursPerYear === undefined ? {} : { frictionHoursPerYear: idea.frictionHoursPerYear }),
    ...(view === 'staff' && idea.submitter !== undefined ? { submitter: idea.submitter } : {}),
    ...(view === 'staff' ? { version: idea.version } : {}),
    ...(view === 'staff' && idea.themeAlignment !== undefined ? { themeAlignment: idea.themeAlignment } : {}),
    ...(view === 'staff' && idea.duplicateCandidates !== undefined ? { duplicateCandidates: idea.duplicateCandidates } : {}),
    ...(view === 'staff' && idea.scorecard !== undefined ? { scorecard: idea.scorecard } : {}),
    // The submitter's history is their idea's journey; triage's own work on it stays internal.
    history: history.filter((event) => view === 'staff' || event.change === undefined).map((event) => ({
      at: event.at,
      ...(event.from === undefined ? {} : { from: event.from }),
      status: event.to,
      message: statusMessage(event.to, language),
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      ...(view === 'staff' ? { actor: event.actor, ...(event.change === undefined ? {} : { change: event.change }) } : {}),
    })),
  };
}

/** One row of a submitter's list of own ideas. */
export function ideaSummary(idea: Idea, language: Language) {
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    status: idea.status,
    statusMessage: statusMessage(idea.status, language),
    submittedAt: idea.createdAt,
    statusChangedAt: idea.statusChangedAt,
  };
}

