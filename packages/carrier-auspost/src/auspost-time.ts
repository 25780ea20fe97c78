import { parseCarrierDateTime, type CarrierTime } from '@wismo/core';

/** Event dates are ISO 8601 with the offset of the place (`2021-01-21T11:04:27+11:00`): instants. */
export function ausPostEventTime(date: string | undefined): CarrierTime | null {
  return parseCarrierDateTime(date);
}
