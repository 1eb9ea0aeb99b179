/** The municipality's calendar: days are Danish days (Europe/Copenhagen), whatever the server's time zone. */

/**
 * Made on first use: the first formatter with a time zone loads ICU's time zone data, 15–25 ms
 * of CPU, and most functions load this module (for DAY_MS) without ever asking for a day.
 */
let copenhagenDayFormat: Intl.DateTimeFormat | undefined;

/** The day (YYYY-MM-DD) it is in Copenhagen at `moment`. */
export function copenhagenDay(moment: Date): string {
  copenhagenDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
  return copenhagenDayFormat.format(moment);
}

export const DAY_MS = 86_400_000;
