// Plain words for the journal's closed vocabularies, in the second person the app speaks.
import type { Direction } from '../bindings/Direction';
import type { Initiative } from '../bindings/Initiative';
import type { Kind } from '../bindings/Kind';
import type { Relationship } from '../bindings/Relationship';
import type { Settlement } from '../bindings/Settlement';
import type { Sphere } from '../bindings/Sphere';

export const KINDS: Kind[] = [
  'favour',
  'gift',
  'time_help',
  'emotional_support',
  'advice',
  'introduction',
  'hospitality',
  'money',
  'digital',
  'slight',
];

export const KIND_LABEL: Record<Kind, string> = {
  favour: 'Favour',
  gift: 'Gift',
  time_help: 'Time and help',
  emotional_support: 'Emotional support',
  advice: 'Advice',
  introduction: 'Introduction',
  hospitality: 'Hospitality',
  money: 'Money',
  digital: 'Online help',
  slight: 'A slight',
};

export const RELATIONSHIPS: Relationship[] = [
  'partner',
  'family',
  'close_friend',
  'friend',
  'neighbour',
  'acquaintance',
  'colleague',
  'manager',
  'report',
  'client',
  'community',
  'online',
  'stranger',
];

export const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  partner: 'Partner',
  family: 'Family',
  close_friend: 'Close friend',
  friend: 'Friend',
  neighbour: 'Neighbour',
  acquaintance: 'Acquaintance',
  colleague: 'Colleague',
  manager: 'Manager',
  report: 'Someone you manage',
  client: 'Client',
  community: 'Community',
  online: 'Online',
  stranger: 'Stranger',
};

export const SPHERES: Sphere[] = ['personal', 'workplace', 'community'];
export const SPHERE_LABEL: Record<Sphere, string> = {
  personal: 'Personal',
  workplace: 'Work',
  community: 'Community',
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  given: 'You gave',
  received: 'You received',
};

export const INITIATIVES: Initiative[] = ['asked', 'offered', 'unsolicited'];
export const INITIATIVE_LABEL: Record<Initiative, string> = {
  asked: 'Asked for',
  offered: 'Offered',
  unsolicited: 'Unasked',
};

export const SETTLEMENT_LABEL: Record<Settlement, string> = {
  open: 'Open',
  thanked: 'Thanked',
  returned: 'Returned',
  no_return_needed: 'No return needed',
};

export type FeelingName =
  | 'gratitude'
  | 'indebtedness'
  | 'pressure'
  | 'discomfort'
  | 'warmth'
  | 'drained'
  | 'expectation';

export const FEELINGS_FOR: Record<Direction, FeelingName[]> = {
  received: ['gratitude', 'indebtedness', 'pressure', 'discomfort'],
  given: ['warmth', 'drained', 'expectation'],
};

/** The question each feeling asks, as shown above its 0–4 scale. */
export const FEELING_QUESTION: Record<FeelingName, string> = {
  gratitude: 'Grateful',
  indebtedness: 'In their debt',
  pressure: 'Pressed to repay',
  discomfort: 'Uneasy accepting',
  warmth: 'Glad to give',
  drained: 'Drained',
  expectation: 'Expecting something back',
};

export const SCALE_WORDS = ['not at all', 'a little', 'somewhat', 'very', 'extremely'] as const;

export function scaleWord(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return SCALE_WORDS[Math.max(0, Math.min(4, v))];
}

export const VALUE_WORDS = ['', 'tiny', 'small', 'moderate', 'big', 'huge'] as const;

export const MOOD_WORDS = ['very low', 'low', 'okay', 'good', 'very good'] as const;
export const ENERGY_WORDS = ['exhausted', 'tired', 'steady', 'lively', 'full of energy'] as const;

/** Words for a -2..2 scale value. */
export function bipolarWord(words: readonly string[], v: number): string {
  return words[Math.max(0, Math.min(4, v + 2))];
}
