import { describe, expect, it } from 'vitest';
import { idleExpired } from './idle';

describe('idleExpired', () => {
  const minute = 60_000;
  it('locks once the chosen minutes have passed without activity', () => {
    expect(idleExpired(0, 15 * minute, 15)).toBe(true);
    expect(idleExpired(0, 15 * minute - 1, 15)).toBe(false);
  });
  it('never locks when no idle time is chosen', () => {
    expect(idleExpired(0, 1000 * minute, null)).toBe(false);
  });
});
