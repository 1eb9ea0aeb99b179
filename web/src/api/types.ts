/**
 * The API's shapes as the pages name them, all taken from the generated contract (./schema.d.ts,
 * `npm run web:types`): none is written by hand, so a change to the API's document shows up here
 * as a type error, not as a surprise in a browser.
 */
import type { components } from './schema.d.ts';

type Schemas = components['schemas'];

export type SubmitIdeaInput = Schemas['SubmitIdeaInput'];
export type SubmitAccepted = Schemas['SubmitAccepted'];
export type IdeaDocument = Schemas['IdeaDocument'];
export type IdeaSummary = Schemas['IdeaSummary'];
export type SimilarIdea = Schemas['SimilarIdeas']['items'][number];
export type IdeaMessage = Schemas['Message'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type TeamComment = Schemas['SubmitterComment'];
export type PersonalDataFinding = Schemas['PersonalDataFinding'];
export type PersonalDataKind = PersonalDataFinding['kind'];
/** One field's fault in a 400 `validation` problem: a JSON Pointer (`/title`) and what is wrong. */
export type FieldError = Schemas['ValidationProblem']['errors'][number];
export type PilotDocument = Schemas['PilotDocument'];

export type IdeaKind = SubmitIdeaInput['kind'];
export type IdeaStatus = IdeaDocument['status'];
export type FrequencyUnit = Schemas['Friction']['frequencyUnit'];
export type Language = SubmitIdeaInput['language'];
