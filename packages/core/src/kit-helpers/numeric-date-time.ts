import { localTime, type CarrierTime } from '../time/carrier-time';
import { clockTime } from './clock-time';

/** How a carrier writes its numeric dates: the order and the one separator (a day or month may have one digit). */
export type NumericDateForm = 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'DD/MM/YYYY' | 'MM/DD/YYYY';

const PATTERNS = new Map<string, RegExp>();

/** The date, then after a space an optional time of day: fractions of a second dropped, an optional am/pm. */
function patternOf(separator: string): RegExp {
  let pattern = PATTERNS.get(separator);
  if (!pattern) {
    const date = `(\\d{1,2})\\${separator}(\\d{1,2})\\${separator}(\\d{4})`;
    pattern = new RegExp(`^${date}(?:\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\.\\d{1,9})?\\s*([ap]\\.?\\s*m\\.?)?)?$`, 'i');
    PATTERNS.set(separator, pattern);
  }
  return pattern;
}

/**
 * A carrier's numeric date, with or without a time of day (`18.03.2016 10:02`, `08-11-2022 00:10:11.081`,
 * `8/19/2021 5:11:26 PM`), as the wall clock it is: `local`, or `date` without a time, never stamped `Z`. Null for
 * another form, a date that does not exist, or a time that is not one (`clockTime`: 13 PM, 0 AM, 24:00).
 */
export function numericDateTime(value: string | null | undefined, form: NumericDateForm): CarrierTime | null {
  const match = value ? patternOf(form.charAt(2)).exec(value.trim()) : null;
  if (!match) return null;
  const [, first = '', second = '', year, clock, half] = match;
  const [day, month] = form.startsWith('DD') ? [first, second] : [second, first];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (clock === undefined) return localTime(date);
  const time = clockTime(half ? `${clock} ${half}` : clock);
  return time ? localTime(`${date}T${time}`) : null;
}
