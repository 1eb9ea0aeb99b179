import type { Language } from './idea.ts';

/**
 * A message to be delivered by e-mail (Amazon SES in AWS, the development outbox locally). It is
 * written in the same transaction as the change it tells about, so it cannot be lost; its id is
 * the business event's own (the idea and its version, or the comment), so a redelivered queue
 * message cannot send it twice.
 */
export interface Notification {
  id: string;
  kind: 'idea-status' | 'idea-comment' | 'triage-digest';
  ideaId?: string;
  /** The recipient's e-mail address. */
  to: string;
  language: Language;
  subject: string;
  text: string;
  createdAt: string;
}

/** A comment on an idea: internal to the digitalisation team, or to the submitter. */
export interface Comment {
  id: string;
  ideaId: string;
  at: string;
  author: { sub: string; name?: string };
  visibility: 'internal' | 'submitter';
  text: string;
}
