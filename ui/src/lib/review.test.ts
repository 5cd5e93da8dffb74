import { describe, expect, it } from 'vitest';
import { addDays, anxietyState, citation, dayNumber, pct, scale } from './review';

describe('review words', () => {
  it('writes a citation like the core does', () => {
    expect(
      citation({ key: 'k', authors: 'Regan, D. T.', year: 1971, title: 'Effects of a favor', source: 'J. Exp. Soc. Psych.', details: '7(6), 627–639', finding: '' }),
    ).toBe('Regan, D. T. (1971). Effects of a favor. J. Exp. Soc. Psych., 7(6), 627–639.');
    expect(citation({ key: 'k', authors: 'A', year: 2000, title: 'Why?', source: 'Press', details: '', finding: '' })).toBe('A (2000). Why? Press.');
  });

  it('says the anxiety state plainly', () => {
    expect(anxietyState({ points: [], trend: null }, '2026-06-30')).toBe('not enough yet');
    const trend = { ratings: 10, span_days: 40, mann_kendall_s: 20, p: 0.01, slope_per_30_days: 12, recent_mean: 60, baseline_median: 30, growing: true };
    expect(anxietyState({ points: [], trend }, '2026-06-30')).toMatch(/^rising since 21 May/);
    expect(anxietyState({ points: [], trend: { ...trend, growing: false } }, '2026-06-30')).toBe('steady');
  });

  it('places dates and numbers', () => {
    expect(dayNumber('2026-01-02') - dayNumber('2026-01-01')).toBe(1);
    expect(dayNumber('2026-01')).toBe(dayNumber('2026-01-15'));
    expect(scale(0, 10, 0, 100)(5)).toBe(50);
    expect(scale(3, 3, 0, 100)(3)).toBe(50);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(pct(0.756)).toBe('76%');
  });
});
