import { copenhagenDay } from '../shared/domain/calendar.ts';
import { pilotCsvHeader, pilotCsvLine } from '../shared/domain/csv.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { requireRole } from '../shared/http/roles.ts';
import type { StoreCursor } from '../shared/store/ports.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const pilots = pilotStoreFromEnv();
const PAGE = 100;

/**
 * GET /pipeline/export.csv — every pilot with its key fields, newest first, as CSV for Danish
 * Excel (UTF-8 with BOM, semicolons). The pilots are read a page at a time and each page is
 * encoded as it arrives; API Gateway buffers the response, which bounds an export to its 6 MB.
 */
export const handler = httpRoute(async ({ caller, language }) => {
  requireRole(caller, 'director', 'triage', 'admin');
  const chunks = [pilotCsvHeader(language)];
  let cursor: StoreCursor | undefined;
  do {
    const page = await pilots.listPilots({}, 'newest', PAGE, cursor);
    for (const row of page.items) chunks.push(pilotCsvLine(row, language));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  const now = systemClock.now();
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="spire-pipeline-${copenhagenDay(now)}.csv"`,
      'cache-control': 'no-store',
    },
    body: chunks.join(''),
  };
});
