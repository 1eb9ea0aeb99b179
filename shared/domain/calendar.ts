/** The municipality's calendar: days are Danish days (Europe/Copenhagen), whatever the server's time zone. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) it is in Copenhagen at `moment`. */
export function copenhagenDay(moment: Date): string {
  return COPENHAGEN_DAY.format(moment);
}

export const DAY_MS = 86_400_000;
