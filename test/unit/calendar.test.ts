import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, isCalendarDay, isoWeek, weekBuckets } from '../../functions/core/insights/calendar.js';

describe('UTC days and ISO weeks', () => {
  it('finds the ISO week and its Monday, across year ends', () => {
    expect(isoWeek('2026-01-01')).toEqual({ week: '2026-W01', start: '2025-12-29' });
    expect(isoWeek('2027-01-01')).toEqual({ week: '2026-W53', start: '2026-12-28' });
    expect(isoWeek('2026-03-08')).toEqual({ week: '2026-W10', start: '2026-03-02' }); // a Sunday
    expect(isoWeek('2026-03-09')).toEqual({ week: '2026-W11', start: '2026-03-09' }); // the Monday after
    expect(isoWeek('2021-01-03')).toEqual({ week: '2020-W53', start: '2020-12-28' });
  });

  it('cuts a range into the weeks it overlaps, the first and last partial', () => {
    expect(weekBuckets('2026-03-04', '2026-03-17')).toEqual([
      { week: '2026-W10', start: '2026-03-02', firstDay: '2026-03-04', lastDay: '2026-03-08' },
      { week: '2026-W11', start: '2026-03-09', firstDay: '2026-03-09', lastDay: '2026-03-15' },
      { week: '2026-W12', start: '2026-03-16', firstDay: '2026-03-16', lastDay: '2026-03-17' },
    ]);
    expect(weekBuckets('2026-03-08', '2026-03-08')).toHaveLength(1);
    expect(weekBuckets('2025-11-25', '2026-11-24')).toHaveLength(53);
  });

  it('adds days, counts them, and refuses days that do not exist', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -36)).toBe('2026-01-24');
    expect(daysInRange('2026-01-01', '2026-12-31')).toBe(365);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-3-1')).toBe(false);
  });
});
