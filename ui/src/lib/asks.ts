// The ask part of the quick log and how asks read on screen. The rules (who may rate
// feelings, what can still be done) are the core's; this only shapes the form.
import type { Answer } from '../bindings/Answer';
import type { AskGroup } from '../bindings/AskGroup';
import type { FollowThrough } from '../bindings/FollowThrough';
import type { RequestDirection } from '../bindings/RequestDirection';
import type { RequestInput } from '../bindings/RequestInput';
import { isoDate } from './dates';

export const ANSWERS: Answer[] = ['agreed', 'partly', 'declined', 'pending'];
export const ANSWER_LABEL: Record<Answer, string> = {
  agreed: 'Said yes',
  partly: 'Said yes to part',
  declined: 'Said no',
  pending: 'Not answered yet',
};
export const FOLLOW_LABEL: Record<FollowThrough, string> = { yes: 'done', no: 'not done', not_yet: 'not done yet' };
export const SIZE_WORDS = ['', 'tiny', 'small', 'moderate', 'big', 'huge'] as const;
export const ASK_GROUP_LABEL: Record<AskGroup, string> = {
  of_you_after_favour: 'Asked of you, after a favour from them',
  of_you_without_favour: 'Asked of you, with no favour before',
  by_you: 'Asked by you',
};

/** The feelings asked about when someone asks something of you. */
export const ASK_FEELINGS = [
  ['pressure', 'How pressed did you feel to say yes?'],
  ['obligation', 'How much did you feel you owed them?'],
  ['free_to_refuse', 'How free did you feel to say no?'],
] as const;
export type AskFeeling = (typeof ASK_FEELINGS)[number][0];

export interface AskForm {
  direction: RequestDirection;
  size: number;
  answer: Answer;
  feelings: Record<AskFeeling, number | null>;
  sweetened: boolean;
  follows: string | null;
}

export function emptyAskForm(): AskForm {
  return {
    direction: 'to_you',
    size: 3,
    answer: 'agreed',
    feelings: { pressure: null, obligation: null, free_to_refuse: null },
    sweetened: false,
    follows: null,
  };
}

/** The request the form describes; feelings only for asks made of you. */
export function toRequestInput(ask: AskForm, personId: string, what: string, on: string, note: string): RequestInput {
  const ofYou = ask.direction === 'to_you';
  return {
    person_id: personId,
    direction: ask.direction,
    on: on || isoDate(new Date()),
    what: what.trim(),
    size: ask.size,
    answer: ask.answer,
    followed_through: null,
    pressure: ofYou ? ask.feelings.pressure : null,
    obligation: ofYou ? ask.feelings.obligation : null,
    free_to_refuse: ofYou ? ask.feelings.free_to_refuse : null,
    sweetened: ofYou && ask.sweetened,
    follows: ask.follows,
    note: note.trim(),
    tags: [],
  };
}
