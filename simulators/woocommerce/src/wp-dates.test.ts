import { describe, expect, it } from 'vitest';
import { isValidWpDate, localFromMs, msFromLocal, pairFromIso, warsawOffsetMinutes, wpFilterValue } from './wp-dates.ts';

const intl = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

describe('Warsaw time', () => {
  it('agrees with the IANA zone around every DST change of several years', () => {
    for (const iso of [
      '2024-03-31T00:59:59Z',
      '2024-03-31T01:00:00Z',
      '2024-10-27T00:59:59Z',
      '2024-10-27T01:00:00Z',
      '2025-03-30T01:00:00Z',
      '2026-05-11T17:42:10Z',
      '2026-10-25T00:30:00Z',
      '2026-12-31T23:30:00Z',
    ]) {
      const ms = Date.parse(iso);
      expect(localFromMs(ms)).toBe(intl.format(new Date(ms)).replace(' ', 'T'));
    }
    expect(warsawOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'))).toBe(120);
    expect(warsawOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'))).toBe(60);
  });

  it('gives the A.2.1 pair for an instant and converts local time back', () => {
    expect(pairFromIso('2026-05-11T17:42:10.000Z')).toEqual({ local: '2026-05-11T19:42:10', gmt: '2026-05-11T17:42:10' });
    expect(new Date(msFromLocal('2026-05-11T19:42:10')).toISOString()).toBe('2026-05-11T17:42:10.000Z');
    expect(new Date(msFromLocal('2026-01-15T11:00:00')).toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });
});

describe('filter dates', () => {
  it('validates like rest_parse_date', () => {
    expect(isValidWpDate('2026-05-11T17:00:00')).toBe(true);
    expect(isValidWpDate('2026-05-11 17:00:00.123+02:00')).toBe(true);
    expect(isValidWpDate('2026-05-11')).toBe(false);
    expect(isValidWpDate('yesterday')).toBe(false);
  });

  it('keeps zone-less values and turns zoned ones into site time, as WP_Date_Query does', () => {
    expect(wpFilterValue('2026-05-11T17:00:00')).toBe('2026-05-11T17:00:00');
    expect(wpFilterValue('2026-05-11T17:00:00Z')).toBe('2026-05-11T19:00:00');
    expect(wpFilterValue('2026-01-11T17:00:00+01:00')).toBe('2026-01-11T17:00:00');
    expect(wpFilterValue('2026-01-11T17:00:00.5-0330')).toBe('2026-01-11T21:30:00');
  });
});
