/**
 * WordPress date handling for a shop whose site timezone is Europe/Warsaw.
 *
 * WooCommerce answers every date twice: `date_x` in the site timezone WITHOUT an offset and `date_x_gmt` in UTC,
 * also without an offset ("2026-05-11T19:42:10" / "2026-05-11T17:42:10"). Filters such as `after` and
 * `modified_after` compare against one of the two columns, chosen by `dates_are_gmt`.
 *
 * The Warsaw offset follows the EU rule (summer time from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC), which is exact for every date since 1996 and needs no ICU data.
 */

/** "YYYY-MM-DDTHH:MM:SS": the only date format WooCommerce emits. */
export type WpDate = string;

export interface WpDatePair {
  local: WpDate;
  gmt: WpDate;
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1, 0, 0);
}

/** Minutes east of UTC in Europe/Warsaw at the instant `utcMs`. */
export function warsawOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9) ? 120 : 60;
}

function formatUtcFields(ms: number): WpDate {
  // toISOString is "YYYY-MM-DDTHH:MM:SS.mmmZ"; WordPress drops milliseconds and the zone.
  return new Date(ms).toISOString().slice(0, 19);
}

export function gmtFromMs(utcMs: number): WpDate {
  return formatUtcFields(utcMs);
}

export function localFromMs(utcMs: number): WpDate {
  return formatUtcFields(utcMs + warsawOffsetMinutes(utcMs) * 60_000);
}

export function pairFromMs(utcMs: number): WpDatePair {
  return { local: localFromMs(utcMs), gmt: gmtFromMs(utcMs) };
}

/** Both WordPress forms of an ISO 8601 UTC instant ("2026-05-11T17:42:10Z"). */
export function pairFromIso(iso: string): WpDatePair {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${iso}`);
  return pairFromMs(ms);
}

export function nowPair(): WpDatePair {
  return pairFromMs(Date.now());
}

/** UTC epoch ms of a WordPress GMT date ("2026-05-11T17:42:10"). */
export function msFromGmt(gmt: WpDate): number {
  return Date.parse(`${gmt}Z`);
}

/**
 * UTC epoch ms of a Warsaw wall-clock time. An hour skipped by the spring change maps forward; an hour repeated in
 * autumn maps to its first occurrence, as PHP's DateTime does.
 */
export function msFromLocal(local: WpDate): number {
  const wall = Date.parse(`${local}Z`);
  const summer = wall - 120 * 60_000;
  if (warsawOffsetMinutes(summer) === 120) return summer;
  return wall - 60 * 60_000;
}

/** WordPress `rest_parse_date()`: RFC 3339 with optional fraction and optional zone. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function isValidWpDate(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60;
}

/**
 * The value a `before`/`after`/`modified_*` filter is compared with, as WP_Date_Query builds it.
 *
 * WP_Date_Query parses the value with the SITE timezone as default and then converts it to the site timezone, whatever
 * column it is compared with. So "2026-05-11T17:00:00" (no zone) is compared as written, but "2026-05-11T17:00:00Z"
 * becomes "19:00:00" Warsaw time and, with `dates_are_gmt=true`, is then compared with the GMT column: two hours off.
 * That is a real WordPress quirk; send filter dates without a zone.
 */
export function wpFilterValue(value: string): WpDate | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const fields = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const zone = m[7];
  if (zone === undefined) return fields;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const utcMs = Date.parse(`${fields}Z`) - offsetMinutes * 60_000;
  return localFromMs(utcMs);
}
