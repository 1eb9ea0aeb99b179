import { departmentKey } from '../shared/domain/inbox.ts';
import { HELD_SORT, type PilotList } from '../shared/domain/pilot-lists.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { PipelinePilotsQuery } from '../shared/schemas/pilots.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';

const pilots = pilotStoreFromEnv();
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /pipeline/pilots?stage=&theme=|department=|owner=&sort=&limit=&cursor= — one page of one
 * pipeline list (`sort=hold_until`: the pilots on hold, of every stage), one Query of the entries
 * kept for exactly that list and order; the cursor is
 * sealed with the deployment secret. Its answers are the contract's (infra/openapi/document.ts, `listPipelinePilots`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'director', 'triage', 'admin');
  const query = parseOrThrow(PipelinePilotsQuery, event.queryStringParameters ?? {}, language);
  const list: PilotList =
    query.sort === HELD_SORT
      ? { held: true }
      : {
          ...(query.stage === undefined ? {} : { stage: query.stage }),
          ...(query.theme === undefined ? {} : { theme: query.theme }),
          ...(query.department === undefined ? {} : { department: departmentKey(query.department) }),
          ...(query.owner === undefined ? {} : { owner: query.owner }),
        };
  const page = await pilots.listPilots(list, query.sort, query.limit, await cursors.open(query.cursor));
  const nextCursor = await cursors.seal(page.nextCursor);
  return json(200, { sort: query.sort, items: page.items, ...(nextCursor === undefined ? {} : { nextCursor }) });
});
