import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../bindings/ImportSummary';
import { exportMessage, fileName, formatBytes, summaryHeadline, summaryRows } from './transfer';

const zero = { added: 0, updated: 0, unchanged: 0 };
function summary(people = zero, exchanges = zero, skipped: string[] = []): ImportSummary {
  return { merged: { people, exchanges, checkins: zero, dismissals: zero, settings: zero }, skipped };
}

describe('transfer words', () => {
  it('names the file at the end of a path', () => {
    expect(fileName('/home/sam/Documents/journal.json')).toBe('journal.json');
    expect(fileName('C:\\Users\\sam\\journal.json')).toBe('journal.json');
  });

  it('gives sizes in bytes, KB or MB', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(40_960)).toBe('40 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('says what an export saved', () => {
    const counts = { people: 1, exchanges: 12, checkins: 0 };
    expect(exportMessage(counts, '/tmp/j.json', false)).toBe('Saved 1 person, 12 exchanges and 0 check-ins to /tmp/j.json.');
    expect(exportMessage(counts, '/tmp/j.csv', true)).toBe('Saved 12 exchanges to /tmp/j.csv.');
  });

  it('sums an import up, leaving out kinds it did not touch', () => {
    const s = summary({ added: 2, updated: 0, unchanged: 1 }, { added: 5, updated: 1, unchanged: 0 });
    expect(summaryRows(s).map((r) => r.what)).toEqual(['People', 'Exchanges']);
    expect(summaryHeadline(s)).toBe('Imported: 7 added, 1 updated, 1 already up to date.');
  });

  it('says so when a second import changes nothing', () => {
    const s = summary({ added: 0, updated: 0, unchanged: 2 });
    expect(summaryHeadline(s)).toMatch(/already in your journal/);
    expect(summaryHeadline(summary())).toMatch(/nothing to import/);
  });
});
