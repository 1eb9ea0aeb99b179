import { departmentKey } from '../shared/domain/inbox.ts';
import { serviceLevelDays } from '../shared/config.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { InboxQuery } from '../shared/schemas/console.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { inboxRowView } from '../shared/views/console.ts';
import { systemClock } from '../shared/domain/clock.ts';

const store = ideaStoreFromEnv();
const cursors = cursorSeal(keysFromEnv());
const days = serviceLevelDays();

/**
 * GET /console/inbox?status=&kind=&department=&theme=&assignee=me&sort=&limit=&cursor= — one page
 * of one inbox list (`assignee=me`: the caller's own), served by one Query of the entries kept for exactly that list and order; the cursor
 * is sealed with the deployment secret. Its answers are the contract's (infra/openapi/document.ts, `getInbox`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const query = parseOrThrow(InboxQuery, event.queryStringParameters ?? {}, language);
  const list = {
    status: query.status,
    ...(query.kind === undefined ? {} : { kind: query.kind }),
    ...(query.department === undefined ? {} : { department: departmentKey(query.department) }),
    ...(query.theme === undefined ? {} : { theme: query.theme }),
    ...(query.assignee === 'me' ? { assignee: caller.sub } : {}),
  };
  const page = await store.listInbox(list, query.sort, query.limit, await cursors.open(query.cursor));
  const nextCursor = await cursors.seal(page.nextCursor);
  const level = { days, now: systemClock.now() };
  return json(200, {
    status: query.status,
    sort: query.sort,
    serviceLevelDays: days,
    items: page.items.map((row) => inboxRowView(row, level)),
    ...(nextCursor === undefined ? {} : { nextCursor }),
  });
});
