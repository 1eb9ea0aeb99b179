import type { IdeaStatus, Language } from './idea.ts';

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
