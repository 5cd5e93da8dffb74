// Plain words for Settings → Data: formats, backup kinds, sizes and import summaries.
import type { BackupKind } from '../bindings/BackupKind';
import type { ImportFormat } from '../bindings/ImportFormat';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { MergeCount } from '../bindings/MergeCount';
import type { ExportCounts } from '../bindings/ExportCounts';

export const IMPORT_FORMATS: ImportFormat[] = ['json', 'vcard', 'monica', 'daylio'];

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  json: 'This journal’s own JSON export',
  vcard: 'Contacts (vCard, .vcf)',
  monica: 'A Monica export (JSON)',
  daylio: 'A Daylio export (CSV)',
};

export const BACKUP_KIND_LABEL: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  before_migration: 'Before an update',
  before_import: 'Before an import',
  before_restore: 'Before a restore',
  before_passphrase: 'Before a passphrase change',
};

/** The last part of a path, for messages. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function exportMessage(counts: ExportCounts, path: string, csv: boolean): string {
  const what = csv
    ? plural(counts.exchanges, 'exchange', 'exchanges')
    : `${plural(counts.people, 'person', 'people')}, ${plural(counts.exchanges, 'exchange', 'exchanges')} and ${plural(counts.checkins, 'check-in', 'check-ins')}`;
  return `Saved ${what} to ${path}.`;
}

export interface SummaryRow {
  what: string;
  count: MergeCount;
}

/** The kinds of record the import touched, each with its counts. */
export function summaryRows(summary: ImportSummary): SummaryRow[] {
  const m = summary.merged;
  const rows: SummaryRow[] = [
    { what: 'People', count: m.people },
    { what: 'Exchanges', count: m.exchanges },
    { what: 'Check-ins', count: m.checkins },
    { what: 'Dismissed insights', count: m.dismissals },
    { what: 'Settings', count: m.settings },
  ];
  return rows.filter((r) => r.count.added + r.count.updated + r.count.unchanged > 0);
}

/** One sentence for the whole import. */
export function summaryHeadline(summary: ImportSummary): string {
  const rows = summaryRows(summary);
  const added = rows.reduce((n, r) => n + r.count.added, 0);
  const updated = rows.reduce((n, r) => n + r.count.updated, 0);
  const unchanged = rows.reduce((n, r) => n + r.count.unchanged, 0);
  if (added + updated === 0) {
    return unchanged > 0
      ? 'Nothing new: everything in the file was already in your journal.'
      : 'The file held nothing to import.';
  }
  const parts = [`${added} added`, `${updated} updated`];
  if (unchanged > 0) parts.push(`${unchanged} already up to date`);
  return `Imported: ${parts.join(', ')}.`;
}

/** Whether a format brings in people, who then need a relationship. */
export function bringsPeople(format: ImportFormat): boolean {
  return format === 'vcard' || format === 'monica';
}

/** "Thu 26 Nov, 09:14" in the person's own time zone. */
export function backupWhen(takenAt: string): string {
  const d = new Date(takenAt);
  if (Number.isNaN(d.getTime())) return takenAt;
  return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
