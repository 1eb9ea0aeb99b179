import type { Language } from '../domain/idea.ts';
import { API_BASE_PATH } from './base-path.ts';

/**
 * Every problem type the API answers with: the one place that says, in Danish and English, what
 * each is called, what it means and what a client should do. The error classes (./errors.ts) take
 * their status and title from here; `GET /problems/{name}` (functions/get-problem-type.ts) renders
 * it as the page a problem's `type` points to; the answer schemas (shared/schemas/responses.ts,
 * `PROBLEMS`) must name exactly these types. Imports nothing, so it is small in any bundle.
 */
type Text = Readonly<Record<Language, string>>;

export interface ProblemType {
  status: number;
  title: Text;
  /** What it means. */
  meaning: Text;
  /** What a client (or the person using it) should do. */
  action: Text;
}

export const PROBLEM_TYPES = {
  validation: {
    status: 400,
    title: { da: 'Nogle felter er ikke udfyldt rigtigt', en: 'Some fields are not filled in correctly' },
    meaning: {
      da: 'Et eller flere felter, parametre eller headere opfylder ikke reglerne. Problemet har en liste, errors, med ét punkt pr. felt: en JSON Pointer (pointer) og hvad der er galt (detail).',
      en: 'One or more fields, parameters or headers break the rules. The problem carries a list, errors, with one entry per field: a JSON Pointer (pointer) and what is wrong (detail).',
    },
    action: { da: 'Vis hver fejl ved sit felt, ret felterne og send igen.', en: 'Show each error by its field, correct the fields and send again.' },
  },
  'malformed-body': {
    status: 400,
    title: { da: 'Forespørgslen kunne ikke læses', en: 'The request could not be read' },
    meaning: { da: 'Indholdet kunne ikke læses: det er ikke gyldig JSON eller ikke gyldige formulardata.', en: 'The body could not be read: it is not valid JSON or form data.' },
    action: { da: 'Ret måden, klienten danner indholdet på. Det hjælper ikke at sende det samme igen.', en: 'Fix how the client builds the body. Sending the same again will not help.' },
  },
  'invalid-cursor': {
    status: 400,
    title: { da: 'Ugyldig cursor', en: 'Invalid cursor' },
    meaning: { da: 'Cursoren er ikke en, serveren har udstedt, eller den hører til en anden liste.', en: 'The cursor is not one the server issued, or it belongs to another list.' },
    action: { da: 'Send den cursor videre uændret, som den forrige side gav, eller start forfra uden cursor.', en: 'Pass on, unchanged, the cursor the previous page returned, or start again without one.' },
  },
  unauthorized: {
    status: 401,
    title: { da: 'Du skal være logget ind', en: 'You must be signed in' },
    meaning: { da: 'Der mangler et gyldigt adgangstoken, eller det er udløbet.', en: 'A valid access token is missing, or it has expired.' },
    action: { da: 'Log ind igen (hent et nyt token) og send forespørgslen med Authorization: Bearer.', en: 'Sign in again (get a new token) and send the request with Authorization: Bearer.' },
  },
  forbidden: {
    status: 403,
    title: { da: 'Det har du ikke adgang til', en: 'You do not have access to this' },
    meaning: { da: 'Du er logget ind, men din rolle giver ikke adgang til det, du bad om.', en: 'You are signed in, but your role does not give access to what you asked for.' },
    action: { da: 'Spørg en administrator, hvis du skal have en anden rolle. Det hjælper ikke at prøve igen.', en: 'Ask an administrator if you need another role. Trying again will not help.' },
  },
  'not-found': {
    status: 404,
    title: { da: 'Findes ikke', en: 'Not found' },
    meaning: { da: 'Der er intet med det id, som du har adgang til. Det kan findes og være en andens.', en: 'There is nothing with that id that you have access to. It may exist and be somebody else’s.' },
    action: { da: 'Tjek adressen eller id’et. Vis ikke brugeren andet, end at det ikke findes.', en: 'Check the address or the id. Tell the user no more than that it does not exist.' },
  },
  'method-not-allowed': {
    status: 405,
    title: { da: 'Metoden understøttes ikke her', en: 'Method not allowed here' },
    meaning: {
      da: 'Stien findes, men ikke med denne metode; allowed og headeren Allow nævner dem, den har. Kun den lokale udgave svarer sådan; i AWS er svaret 404.',
      en: 'The path exists, but not with this method; allowed and the Allow header name those it has. Only the local runtime answers this; in AWS the answer is 404.',
    },
    action: { da: 'Brug en af metoderne i Allow.', en: 'Use one of the methods in Allow.' },
  },
  'invalid-transition': {
    status: 409,
    title: { da: 'Det kan ikke lade sig gøre i idéens nuværende status', en: 'Not possible in the idea’s current status' },
    meaning: {
      da: 'Idéens status tillader ikke det, du bad om. Problemet nævner status (ideaStatus) og det, den tillader (allowed).',
      en: 'The idea’s status does not allow what was asked. The problem names the status (ideaStatus) and what it allows (allowed).',
    },
    action: { da: 'Hent idéen igen og tilbyd kun det, der står i allowed.', en: 'Fetch the idea again and offer only what allowed lists.' },
  },
  'invalid-gate-decision': {
    status: 409,
    title: { da: 'Det kan ikke lade sig gøre i pilotens nuværende fase', en: 'Not possible in the pilot’s current stage' },
    meaning: {
      da: 'Pilotens fase tillader ikke beslutningen. Problemet nævner fasen (pilotStage) og de beslutninger, den tillader (allowed).',
      en: 'The pilot’s stage does not allow the decision. The problem names the stage (pilotStage) and the decisions it allows (allowed).',
    },
    action: { da: 'Hent piloten igen og vælg en af beslutningerne i allowed.', en: 'Fetch the pilot again and choose one of the decisions in allowed.' },
  },
  'checklist-incomplete': {
    status: 409,
    title: { da: 'Tjeklisten er ikke opfyldt', en: 'The checklist is not met' },
    meaning: { da: 'Der blev bedt om go, men påkrævede punkter på tjeklisten er ikke besvaret ja. missing nævner dem.', en: 'go was asked, but required checklist items are not answered yes. missing names them.' },
    action: { da: 'Opfyld punkterne i missing og send beslutningen igen, eller vælg en anden beslutning.', en: 'Meet the items in missing and send the decision again, or choose another decision.' },
  },
  'hypothesis-missing': {
    status: 409,
    title: { da: 'Hypotesen mangler', en: 'The hypothesis is missing' },
    meaning: { da: 'En pilot kan ikke gå i pilotfasen, før dens hypotese er skrevet.', en: 'A pilot cannot enter the pilot stage before its hypothesis is written.' },
    action: { da: 'Skriv hypotesen (PATCH /console/pilots/{id}) og send beslutningen igen.', en: 'Write the hypothesis (PATCH /console/pilots/{id}) and send the decision again.' },
  },
  'precondition-failed': {
    status: 412,
    title: { da: 'Nogen har ændret det imens', en: 'Somebody changed it in the meantime' },
    meaning: { da: 'If-Match nævner en ældre udgave: nogen har ændret det, siden du læste det.', en: 'If-Match names an older version: somebody changed it since you read it.' },
    action: { da: 'Hent den nyeste udgave, vis ændringerne og send igen med dens ETag.', en: 'Fetch the latest version, show the changes and send again with its ETag.' },
  },
  'payload-too-large': {
    status: 413,
    title: { da: 'Forespørgslen er for stor', en: 'The request is too large' },
    meaning: { da: 'Indholdet er større, end ruten tager imod.', en: 'The body is larger than the route accepts.' },
    action: { da: 'Gør teksten kortere og send igen.', en: 'Shorten the text and send again.' },
  },
  'unsupported-media-type': {
    status: 415,
    title: { da: 'Formatet understøttes ikke', en: 'Unsupported format' },
    meaning: { da: 'Indholdet er sendt i et format (Content-Type), ruten ikke læser.', en: 'The body is sent in a format (Content-Type) the route does not read.' },
    action: { da: 'Send application/json (eller en formular, hvor ruten tager imod det).', en: 'Send application/json (or a form, where the route reads one).' },
  },
  'idempotency-key-reused': {
    status: 422,
    title: { da: 'Idempotency-Key er brugt til en anden forespørgsel', en: 'Idempotency-Key was used for another request' },
    meaning: { da: 'Den samme Idempotency-Key blev sendt før med en anden forespørgsel.', en: 'The same Idempotency-Key was sent before with a different request.' },
    action: { da: 'Lav en ny nøgle for hver ny forespørgsel; genbrug kun en nøgle, når præcis den samme sendes igen.', en: 'Make a new key for every new request; reuse a key only when sending exactly the same again.' },
  },
  'personal-data': {
    status: 422,
    title: { da: 'Teksten ser ud til at indeholde personoplysninger', en: 'The text seems to contain personal data' },
    meaning: {
      da: 'Teksten ser ud til at indeholde CPR-numre, e-mailadresser, telefonnumre eller helbredsoplysninger. findings nævner felt og placering, aldrig selve teksten. Intet er gemt.',
      en: 'The text seems to hold CPR numbers, e-mail addresses, phone numbers or health details. findings name the field and the place, never the text itself. Nothing was stored.',
    },
    action: { da: 'Fremhæv stederne i findings og lad brugeren fjerne dem, eller send igen med confirmPersonalData: true, hvis de skal med.', en: 'Highlight the places in findings and let the user remove them, or send again with confirmPersonalData: true if they must stay.' },
  },
  'precondition-required': {
    status: 428,
    title: { da: 'If-Match mangler', en: 'If-Match is missing' },
    meaning: { da: 'En ændring blev sendt uden If-Match, så den kunne overskrive en andens ændring.', en: 'A change was sent without If-Match, so it could overwrite somebody else’s.' },
    action: { da: 'Send den ETag, du læste, i If-Match.', en: 'Send the ETag you read in If-Match.' },
  },
  'too-many-requests': {
    status: 429,
    title: { da: 'Du har nået grænsen for nu', en: 'You have reached the limit for now' },
    meaning: { da: 'Du har brugt en af dine grænser for den aktuelle time. limit er grænsen; retryAfterSeconds og headeren Retry-After siger, hvornår den næste time begynder.', en: 'You have used up one of your limits for the current hour. limit is the limit; retryAfterSeconds and the Retry-After header say when the next hour starts.' },
    action: { da: 'Vent det antal sekunder, Retry-After siger, før du prøver igen.', en: 'Wait the seconds Retry-After says before trying again.' },
  },
  internal: {
    status: 500,
    title: { da: 'Der skete en fejl hos os', en: 'Something went wrong on our side' },
    meaning: { da: 'Noget gik galt hos os. Detaljerne står kun i loggen, under det fejl-id, som detail nævner.', en: 'Something went wrong on our side. The details are only in the logs, under the error id detail names.' },
    action: { da: 'Prøv igen om lidt. Oplys fejl-id’et, hvis det bliver ved.', en: 'Try again shortly. Quote the error id if it persists.' },
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemTypeName = keyof typeof PROBLEM_TYPES;

/**
 * Prefix of problem type URIs: a relative reference (RFC 9457 §3.1.1 allows one; a client resolves
 * it against the request's URL), so on every deployment's own host it dereferences to the page
 * about the problem that `GET /problems/{name}` serves, under the API's base path.
 */
export const PROBLEM_TYPE_PREFIX = `${API_BASE_PATH}/problems/`;

/** The problem type of `name`, or undefined for a name that is none (`toString`, `__proto__`). */
export function problemType(name: string): (ProblemType & { name: ProblemTypeName }) | undefined {
  if (!Object.hasOwn(PROBLEM_TYPES, name)) return undefined;
  return { name: name as ProblemTypeName, ...PROBLEM_TYPES[name as ProblemTypeName] };
}
