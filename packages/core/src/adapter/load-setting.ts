/**
 * A setting from the adapter options, else from the documented environment variable. Returns undefined
 * when neither is set, so the caller decides whether it is required and says which variable to set.
 */
export function loadSetting(value: string | undefined, environmentVariable: string): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env[environmentVariable];
  return fromEnvironment && fromEnvironment.trim() !== '' ? fromEnvironment.trim() : undefined;
}
