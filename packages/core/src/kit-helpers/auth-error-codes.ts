/** RFC 6749 §5.2 and RFC 6750 §3.1 error codes, and a gateway's `unauthorized`: each means the credentials failed. */
const AUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'invalid_token',
  'insufficient_scope',
  'unauthorized',
]);

/** A code, not a sentence: a gateway's `error` may be a sentence that echoes what was sent. */
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,80}$/;

/** The distinct values of an error body that are codes, in order: only these go into `carrierCodes`. */
export function errorCodesOf(values: Iterable<string | null | undefined>): string[] {
  const codes = new Set<string>();
  for (const value of values) if (typeof value === 'string' && ERROR_CODE.test(value)) codes.add(value);
  return [...codes];
}

/** Whether any of a carrier's error codes (OAuth's or a gateway's) says the credentials failed, whatever its case. */
export function hasAuthErrorCode(codes: readonly string[]): boolean {
  return codes.some((code) => AUTH_ERROR_CODES.has(code.toLowerCase()));
}
