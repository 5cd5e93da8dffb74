// Reflection prompts for check-ins, drawn from the kind use of reciprocity: give first and
// freely, give without strings, notice pressure, ask small and honestly, say thanks. One a
// day, in turn; the check-in can offer the next one.
export const PROMPTS = [
  'When did you last give something first, without waiting to be asked? How did it feel?',
  'Was there a time lately when you gave because you wanted to, not because you had to?',
  'Did you give anything this week with a string attached, even a quiet one? What were you hoping for?',
  'Did someone’s kindness leave you feeling you must repay it? Is that pressure yours to carry?',
  'Has anyone offered you something that made saying no feel hard? What would an honest no sound like?',
  'Is there something small you would like to ask for? What makes asking hard?',
  'Who did something for you recently that you have not thanked them for yet?',
  'Where did giving leave you tired this week, and where did it leave you glad?',
  'Did anything feel one-sided lately? What would even it out, if anything, and does it need to?',
] as const;

/** The prompt for `day`, moved on by `offset` when the user asks for another. */
export function promptFor(day: Date, offset = 0): string {
  const n = Math.floor(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()) / 86_400_000) + offset;
  return PROMPTS[((n % PROMPTS.length) + PROMPTS.length) % PROMPTS.length];
}
