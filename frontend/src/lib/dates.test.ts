import { describe, expect, it } from 'vitest';
import { daysBetween, formatDateTime, formatRelative } from './dates';

const NOW = Date.parse('2026-12-02T18:00:00Z');

describe('dates', () => {
  it.each([
    ['2026-12-02T17:59:30Z', 'just now'],
    ['2026-12-02T17:55:00Z', '5 minutes ago'],
    ['2026-12-02T15:00:00Z', '3 hours ago'],
    ['2026-12-01T12:00:00Z', 'yesterday'],
    ['2026-11-18T18:00:00Z', '2 weeks ago'],
    ['2026-12-04T18:00:00Z', 'in 2 days'],
  ])('tells %s as “%s”', (instant, text) => {
    expect(formatRelative(instant, NOW)).toBe(text);
  });

  it('formats an instant in UTC', () => {
    expect(formatDateTime('2026-12-09T18:35:12Z')).toBe('9 Dec 2026, 18:35 UTC');
  });

  it('counts whole days between UTC dates', () => {
    expect(daysBetween('2026-12-02', '2026-12-02')).toBe(0);
    expect(daysBetween('2026-12-02', '2026-12-03')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-30')).toBe(30);
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(-1);
  });
});
