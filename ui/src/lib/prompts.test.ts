import { describe, expect, it } from 'vitest';
import { PROMPTS, promptFor } from './prompts';

describe('reflection prompts', () => {
  it('rotate one a day and come round again', () => {
    const d = new Date(2026, 5, 1);
    const next = new Date(2026, 5, 2);
    expect(promptFor(next)).not.toBe(promptFor(d));
    expect(promptFor(d, 1)).toBe(promptFor(next));
    expect(promptFor(new Date(2026, 5, 1 + PROMPTS.length))).toBe(promptFor(d));
  });

  it('cover giving freely, pressure, asking and thanks', () => {
    const all = PROMPTS.join(' ');
    for (const word of ['first', 'string', 'pressure', 'ask', 'thank']) expect(all).toMatch(new RegExp(word));
  });
});
