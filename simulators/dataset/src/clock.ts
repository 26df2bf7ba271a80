/**
 * The dataset's fixed "now" and the calendar orders are drawn from.
 *
 * A fixed reference time keeps the dataset byte-identical between runs; the order
 * calendar gives shopping its real rhythm (evenings, December, Black Friday week)
 * so that time-based queries in demos return something worth looking at.
 */
import type { Random } from './random.ts';

export const GENERATED_AT = '2026-11-01T00:00:00.000Z';
export const NOW_MS = Date.parse(GENERATED_AT);
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const ORDER_WINDOW_DAYS = 730;
/** Orders are spread over the 24 months before GENERATED_AT. */
export const WINDOW_START_MS = NOW_MS - ORDER_WINDOW_DAYS * DAY_MS;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function ms(isoTime: string): number {
  return Date.parse(isoTime);
}

/** Whole seconds: Odoo and WooCommerce store timestamps without milliseconds. */
export function toSecond(t: number): number {
  return Math.floor(t / 1000) * 1000;
}

/** A time in [from, to), at second precision unless `precise`. Collapses to `from` for empty ranges. */
export function timeBetween(rng: Random, from: number, to: number, precise = false): number {
  if (to <= from) return precise ? from : toSecond(from);
  const t = from + Math.floor(rng.next() * (to - from));
  return precise ? t : Math.max(toSecond(t), toSecond(from));
}

/** `t`, or a moment shortly before now if `t` would not be in the past. */
export function beforeNow(rng: Random, t: number): number {
  return t < NOW_MS - MINUTE_MS ? t : NOW_MS - rng.int(2, 90) * MINUTE_MS;
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/** Europe/Warsaw offset in hours at a UTC instant (EU rule: last Sundays of March and October, 01:00 UTC). */
export function warsawOffsetHours(t: number): number {
  const year = new Date(t).getUTCFullYear();
  const start = lastSundayUtc(year, 2) + HOUR_MS;
  const end = lastSundayUtc(year, 9) + HOUR_MS;
  return t >= start && t < end ? 2 : 1;
}

/** Relative shopping activity by local hour of day. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5.5, 6, 7, 8, 8, 6, 3];
const MONTH_WEIGHTS = [0.85, 0.85, 0.95, 1, 1, 0.95, 0.9, 0.95, 1, 1.05, 1.35, 1.6];

/** Friday after the fourth Thursday of November. */
function blackFriday(year: number): number {
  const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - nov1 + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 22);
}

/**
 * Draws order times over the 24-month window with seasonality, weekly rhythm, a Black
 * Friday peak and ~40 % year-on-year growth.
 */
export class OrderCalendar {
  private readonly cumulative: number[] = [];
  private readonly hourCumulative: number[] = [];

  constructor() {
    let sum = 0;
    for (let day = 0; day < ORDER_WINDOW_DAYS; day++) {
      const t = WINDOW_START_MS + day * DAY_MS;
      const date = new Date(t);
      const month = date.getUTCMonth();
      let w = MONTH_WEIGHTS[month] as number;
      w *= 0.8 + (0.4 * day) / ORDER_WINDOW_DAYS;
      const weekday = date.getUTCDay();
      if (weekday === 0) w *= 1.1;
      if (weekday === 6) w *= 0.9;
      if (month === 11 && date.getUTCDate() >= 24) w *= 0.5;
      const bf = blackFriday(date.getUTCFullYear());
      if (t >= bf - DAY_MS && t <= bf + 3 * DAY_MS) w *= 2.5;
      sum += w;
      this.cumulative.push(sum);
    }
    let hourSum = 0;
    for (const w of HOUR_WEIGHTS) {
      hourSum += w;
      this.hourCumulative.push(hourSum);
    }
  }

  /** An order time at or after `fromMs` (clamped to the window), strictly before now. */
  sample(rng: Random, fromMs: number = WINDOW_START_MS): number {
    const fromDay = Math.max(0, Math.min(ORDER_WINDOW_DAYS - 1, Math.floor((fromMs - WINDOW_START_MS) / DAY_MS)));
    const base = fromDay === 0 ? 0 : (this.cumulative[fromDay - 1] as number);
    const total = this.cumulative[ORDER_WINDOW_DAYS - 1] as number;
    const r = base + rng.next() * (total - base);
    const day = this.search(this.cumulative, r);
    const hourTotal = this.hourCumulative[23] as number;
    const localHour = this.search(this.hourCumulative, rng.next() * hourTotal);
    const dayStart = WINDOW_START_MS + day * DAY_MS;
    const offset = warsawOffsetHours(dayStart + 12 * HOUR_MS);
    let t = dayStart + (localHour - offset) * HOUR_MS + rng.int(0, 3599) * 1000;
    if (t < fromMs) t = fromMs + rng.int(0, 6 * 3600) * 1000;
    if (t >= NOW_MS) t = NOW_MS - rng.int(60, 7200) * 1000;
    return toSecond(Math.max(t, WINDOW_START_MS));
  }

  private search(cumulative: readonly number[], r: number): number {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
