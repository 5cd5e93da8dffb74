// Reflection prompts for check-ins; one a day, in turn.
export const PROMPTS = [
  'What did someone do for you recently that you still think about?',
  'Was there a time lately when you gave because you wanted to, not because you had to?',
  'Is there a favour you feel you need to return? How does carrying it feel?',
  'Where did giving leave you tired this week, and where did it leave you glad?',
  'Who would you like to thank, and for what?',
  'Did anything feel one-sided lately? What would even it out, if anything?',
] as const;

export function promptFor(day: Date): string {
  const n = Math.floor(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()) / 86_400_000);
  return PROMPTS[((n % PROMPTS.length) + PROMPTS.length) % PROMPTS.length];
}
