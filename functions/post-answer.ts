import { findPersonalDataInFields } from '../shared/domain/personal-data.ts';
import { answerQuestion } from '../shared/employee/answer.ts';
import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { notifyQueueFromEnv, queueStoredNotification } from '../shared/queue/notify-queue.ts';
import { AnswerInput } from '../shared/schemas/console.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { ideaSummary } from '../shared/views/ideas.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), notifications: notificationStoreFromEnv(), clock: systemClock };
const queue = notifyQueueFromEnv();

/**
 * POST /ideas/{id}/answers — the submitter answers triage's question (`{"answer"}`, as JSON or a
 * form); an anonymous submitter sends `X-Follow-Up-Token`. The idea goes back to `in_triage`. An
 * answer that seems to hold personal data is taken all the same, with `personalData` listing the
 * findings as a warning, as on POST /ideas.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const body = readBody(event, ['json', 'form']);
  const { answer } = parseOrThrow(AnswerInput, body.value, language);
  const token = event.headers['x-follow-up-token'];
  const result = await answerQuestion(deps, { ideaId: id, answer, caller, ...(token === undefined ? {} : { followUpToken: token }) });
  await queueStoredNotification(queue, result.notificationId);
  const personalData = findPersonalDataInFields({ '/answer': answer });
  return json(200, { ...ideaSummary(result.idea, language), ...(personalData.length === 0 ? {} : { personalData }) });
});
