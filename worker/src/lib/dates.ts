/** Today's calendar date in Jakarta (WIB): permits expire by Indonesian calendar days, not UTC ones. */
export function jakartaToday(now = Date.now()): string {
  return new Date(now + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
