// The screens a journal rarely opens on, loaded as their own chunks: the window's first
// screen (Home) then has less script to read before it shows. Each loads once; all of them
// are fetched in the background soon after the window opens, so switching to one later
// does not wait on a load.
import type { Component } from 'svelte';

type Loader = () => Promise<{ default: Component<any> }>;

const loaders = {
  patterns: () => import('../screens/Patterns.svelte'),
  person: () => import('../screens/PersonPage.svelte'),
  settings: () => import('../screens/Settings.svelte'),
  checkin: () => import('../screens/CheckIn.svelte'),
  loops: () => import('../screens/OpenLoops.svelte'),
  conflicts: () => import('../screens/Conflicts.svelte'),
} satisfies Record<string, Loader>;

export type LazyScreen = keyof typeof loaders;

const loaded = new Map<LazyScreen, Promise<Component<any>>>();

/** The screen's component, loading its chunk the first time. */
export function screen(name: LazyScreen): Promise<Component<any>> {
  let p = loaded.get(name);
  if (!p) {
    p = loaders[name]().then((m) => m.default);
    // A failed load is tried again next time rather than remembered.
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p;
}

/** Loads every lazy screen in the background. */
export function preloadScreens(): void {
  for (const name of Object.keys(loaders) as LazyScreen[]) void screen(name).catch(() => {});
}
