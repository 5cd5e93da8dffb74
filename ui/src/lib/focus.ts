// Dialogs give focus back to what opened them, so a keyboard user carries on where they were.

/** The element that has focus now: remember it when a dialog opens. */
export function focusedElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/**
 * Once the dialog is gone, focuses `opener` again, or the page's content when the opener went
 * away meanwhile (such as a favour settled from a list it then leaves).
 */
export function returnFocus(opener: HTMLElement | null): void {
  // After the modal dialog has left the page; while it is open the rest of the page is inert.
  setTimeout(() => {
    const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main');
    target?.focus();
  }, 0);
}

/** Focuses the action of the message at the bottom of the window, such as Undo. */
export function focusToastAction(): void {
  document.querySelector<HTMLElement>('[data-testid=toast] [data-action]')?.focus();
}
