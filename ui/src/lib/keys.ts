// Global keyboard shortcuts. "L" (or Ctrl+L anywhere) opens the quick log.

export const LOG_SHORTCUT_LABEL = 'L';

export function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(type);
}

export type ShortcutAction = 'log' | null;

export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): ShortcutAction {
  const key = e.key.toLowerCase();
  if (key !== 'l' || e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return 'log';
  return isTypingTarget(e.target) ? null : 'log';
}
