import { allowedDecisions } from '../domain/decisions.ts';
import { daysSince, isOverdue, type InboxRow } from '../domain/inbox.ts';
import type { Idea, Language } from '../domain/idea.ts';
import type { Pilot } from '../domain/pilot.ts';
import type { IdeaRecord } from '../store/ports.ts';
import { ideaDocument } from './ideas.ts';

/** The service level an inbox is read against. */
export interface ServiceLevel {
  days: number;
  now: Date;
}

/** One inbox row, with how long the idea has been in its status and whether it is overdue. */
export function inboxRowView(row: InboxRow, level: ServiceLevel) {
  return {
    ...row,
    daysInStatus: daysSince(row.statusChangedAt, level.now),
    overdue: isOverdue(row, level.now, level.days),
  };
}

/**
 * The whole idea as the console shows it: the staff view with comments and history, its duplicate
 * candidates (`related.candidates`) with their titles and statuses, the stopped pilots it
 * resembles (`related.resembling`) with what they learned, the decisions its status allows, and
 * its age.
 */
export function consoleIdeaDocument(record: IdeaRecord, related: { candidates: readonly Idea[]; resembling: readonly Pilot[] }, level: ServiceLevel, language: Language) {
  const { idea } = record;
  const byId = new Map(related.candidates.map((candidate) => [candidate.id, candidate]));
  const pilots = new Map(related.resembling.map((pilot) => [pilot.id, pilot]));
  return {
    ...ideaDocument(idea, record.history, 'staff', language, { comments: record.comments, supportCount: record.supportCount }),
    duplicateCandidates: (idea.duplicateCandidates ?? []).flatMap(({ ideaId, similarity }) => {
      const candidate = byId.get(ideaId);
      return candidate === undefined ? [] : [{ ideaId, similarity, title: candidate.title, status: candidate.status, department: candidate.department }];
    }),
    resemblingPilots: (idea.resemblingPilots ?? []).flatMap(({ pilotId, score }) => {
      const pilot = pilots.get(pilotId);
      return pilot === undefined ? [] : [{ pilotId, score, title: pilot.title, stage: pilot.stage, department: pilot.department, learnings: pilot.learnings }];
    }),
    allowedDecisions: allowedDecisions(idea.status),
    daysInStatus: daysSince(idea.statusChangedAt, level.now),
    overdue: isOverdue(idea, level.now, level.days),
  };
}
