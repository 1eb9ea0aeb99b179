import { decisionTarget } from './decisions.ts';
import type { DeclineReason, Idea, IdeaDecision, IdeaStatus, Language, RedirectTarget } from './idea.ts';
import type { PilotStage, RiskLevel } from './pilot.ts';

/**
 * The human message a submitter sees for each status, in Danish and English.
 * Plain words, no jargon: the reader may be a care worker on a phone.
 */
const STATUS_MESSAGES: Record<IdeaStatus, Record<Language, string>> = {
  submitted: {
    da: 'Tak! Vi har modtaget din idé, og den er gemt. Digitaliseringsteamet får den om lidt.',
    en: 'Thank you! We have received and stored your idea. The digitalisation team will have it shortly.',
  },
  in_triage: {
    da: 'Digitaliseringsteamet har fået din idé og vurderer den. Du får besked, når der er nyt.',
    en: 'The digitalisation team has your idea and is assessing it. You will hear from us when there is news.',
  },
  needs_info: {
    da: 'Digitaliseringsteamet har et spørgsmål til dig. Svar gerne, så vi kan komme videre.',
    en: 'The digitalisation team has a question for you. Please answer so we can move on.',
  },
  accepted: {
    da: 'Godt nyt: din idé er valgt, og vi går i gang med at afprøve den.',
    en: 'Good news: your idea has been selected, and we are starting to try it out.',
  },
  parked: {
    da: 'Din idé er parkeret for nu. Vi tager den op igen på et senere tidspunkt.',
    en: 'Your idea is parked for now. We will pick it up again later.',
  },
  declined: {
    da: 'Vi går ikke videre med din idé. Se begrundelsen nedenfor.',
    en: 'We will not take your idea further. See the reason below.',
  },
  duplicate: {
    da: 'Din idé ligner en anden, som allerede er i gang. Vi har lagt dem sammen.',
    en: 'Your idea resembles another one already under way. We have merged them.',
  },
  redirected: {
    da: 'Din henvendelse hører til et andet sted. Vi har sendt den videre.',
    en: 'Your request belongs elsewhere. We have passed it on.',
  },
  withdrawn: {
    da: 'Du har trukket din idé tilbage.',
    en: 'You have withdrawn your idea.',
  },
};

export function statusMessage(status: IdeaStatus, language: Language): string {
  return STATUS_MESSAGES[status][language];
}

/**
 * What each status is called, addressed to nobody: what a person may read about an idea that is
 * not theirs (the idea their merged idea lives on), where the status messages above, and what
 * triage wrote with a decision, are written to that idea's own submitter.
 */
export const IDEA_STATUS_LABELS: Record<IdeaStatus, Record<Language, string>> = {
  submitted: { da: 'Modtaget', en: 'Received' },
  in_triage: { da: 'Under vurdering', en: 'Being assessed' },
  needs_info: { da: 'Afventer flere oplysninger', en: 'Waiting for more information' },
  accepted: { da: 'Valgt til afprøvning', en: 'Selected for a trial' },
  parked: { da: 'Parkeret', en: 'Parked' },
  declined: { da: 'Afvist', en: 'Declined' },
  duplicate: { da: 'Lagt sammen med en anden idé', en: 'Merged into another idea' },
  redirected: { da: 'Sendt videre', en: 'Passed on' },
  withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn' },
};

/** What each decline reason is called, for the submitter and the console. */
export const DECLINE_REASON_LABELS: Record<DeclineReason, Record<Language, string>> = {
  not_feasible: { da: 'Det kan ikke lade sig gøre med de løsninger, vi har i dag', en: 'It cannot be done with the solutions we have today' },
  insufficient_benefit: { da: 'Gevinsten er for lille i forhold til indsatsen', en: 'The benefit is too small for the effort' },
  out_of_scope: { da: 'Det ligger uden for, hvad digitaliseringsteamet arbejder med', en: 'It is outside what the digitalisation team works on' },
  already_solved: { da: 'Der findes allerede en løsning', en: 'A solution already exists' },
  legal_or_compliance: { da: 'Lovgivning eller databeskyttelse står i vejen', en: 'Legislation or data protection stands in the way' },
  no_capacity: { da: 'Vi har ikke kræfter til det lige nu', en: 'We do not have the capacity right now' },
};

/** Where a redirected request was sent. */
export const REDIRECT_TARGET_LABELS: Record<RedirectTarget, Record<Language, string>> = {
  it_support: { da: 'IT-support', en: 'IT support' },
  hr: { da: 'HR', en: 'HR' },
  existing_project: { da: 'et projekt, der allerede er i gang', en: 'a project already under way' },
  other: { da: 'en anden afdeling', en: 'another department' },
};

/** A YYYY-MM-DD date as a person writes it: "1. marts 2027" / "1 March 2027". */
/** The pilot stages as people read them (the export, the directors' spreadsheets). */
export const PILOT_STAGE_LABELS: Record<PilotStage, Record<Language, string>> = {
  sprint: { da: 'Designsprint', en: 'Design sprint' },
  pilot: { da: 'Pilot', en: 'Pilot' },
  evaluation: { da: 'Evaluering', en: 'Evaluation' },
  operations: { da: 'Drift', en: 'Operations' },
  realised: { da: 'Realiseret', en: 'Realised' },
  stopped: { da: 'Stoppet', en: 'Stopped' },
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, Record<Language, string>> = {
  low: { da: 'Lav', en: 'Low' },
  medium: { da: 'Mellem', en: 'Medium' },
  high: { da: 'Høj', en: 'High' },
};

export function humanDate(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * The whole message the submitter gets for their idea's current status: the status's own
 * sentence and what triage added (the question, the reason, where it went, when it comes back).
 */
export function submitterMessage(status: IdeaStatus, decision: IdeaDecision | undefined, language: Language): string {
  const parts = [statusMessage(status, language)];
  const da = language === 'da';
  if (decision !== undefined && decisionTarget(decision.kind) === status) {
    if (decision.kind === 'needs_info' && decision.message !== undefined) parts.push(`${da ? 'Spørgsmål' : 'Question'}: ${decision.message}`);
    if (decision.reasonCode !== undefined) parts.push(`${da ? 'Begrundelse' : 'Reason'}: ${DECLINE_REASON_LABELS[decision.reasonCode][language]}.`);
    if (decision.redirectTo !== undefined) parts.push(`${da ? 'Den er sendt videre til' : 'It has been passed on to'} ${REDIRECT_TARGET_LABELS[decision.redirectTo][language]}.`);
    if (decision.revisitOn !== undefined) parts.push(`${da ? 'Vi ser på den igen omkring' : 'We will look at it again around'} ${humanDate(decision.revisitOn, language)}.`);
    if (decision.kind !== 'needs_info' && decision.message !== undefined) parts.push(decision.message);
  }
  return parts.join('\n\n');
}

/** What the submitter reads while their idea waits in `submitted` after the sweeper gave up re-queuing it (shared/intake/sweep.ts). */
const INTAKE_DELAYED_MESSAGE: Record<Language, string> = {
  da: 'Din idé er gemt, men en teknisk fejl har forsinket den på vej til digitaliseringsteamet. Teamet kan se den på deres liste.',
  en: 'Your idea is saved, but a technical fault has delayed it on its way to the digitalisation team. The team can see it in their list.',
};

/** The message for an idea as it stands now: its status's message, or that it is delayed when its intake was given up. */
export function currentStatusMessage(idea: Pick<Idea, 'status' | 'decision' | 'intakeAbandonedAt'>, language: Language): string {
  if (idea.status === 'submitted' && idea.intakeAbandonedAt !== undefined) return INTAKE_DELAYED_MESSAGE[language];
  return submitterMessage(idea.status, idea.decision, language);
}

/** A comment from the digitalisation team to the submitter, as the submitter reads it. */
export function commentMessage(text: string, language: Language): string {
  return `${language === 'da' ? 'Besked fra digitaliseringsteamet' : 'Message from the digitalisation team'}:\n\n${text}`;
}

/** The e-mail that carries a message about an idea to its submitter. */
export function notificationEmail(idea: { title: string; submitterName?: string }, message: string, language: Language): { subject: string; text: string } {
  const da = language === 'da';
  const greeting = idea.submitterName === undefined ? (da ? 'Hej,' : 'Hello,') : `${da ? 'Hej' : 'Hello'} ${idea.submitterName},`;
  return {
    subject: `${da ? 'Nyt om din idé' : 'News about your idea'}: ${idea.title}`,
    text: [
      greeting,
      message,
      `${da ? 'Din idé' : 'Your idea'}: »${idea.title}«`,
      da ? 'Venlig hilsen\nDigitaliseringsteamet' : 'Kind regards\nThe digitalisation team',
    ].join('\n\n'),
  };
}
