const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i;

/**
 * A carrier's time of day as `HH:mm:ss`: `10:05`, `10:05:00`, and a 12-hour clock (`10:05am`, `2:05 PM`, `9 p.m.`,
 * 12 AM midnight, 12 PM noon). Null for anything else: a bare number without am/pm, an hour outside 1–12 on a
 * 12-hour clock, or minutes and seconds out of range.
 */
export function clockTime(value: string | null | undefined): string | null {
  const match = CLOCK.exec(value?.trim() ?? '');
  if (!match || (!match[4] && match[2] === undefined)) return null;
  const [, hour = '', minutes = '00', seconds = '00', half] = match;
  const hours = half ? (Number(hour) % 12) + (half.toLowerCase() === 'p' ? 12 : 0) : Number(hour);
  if ((half && (Number(hour) < 1 || Number(hour) > 12)) || hours > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  return `${String(hours).padStart(2, '0')}:${minutes}:${seconds}`;
}
