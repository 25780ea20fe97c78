import { redactValue } from './redact';

export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Logs through the caller's logger with every field redacted first. */
export function logSafely(logger: Logger | undefined, level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  const write = logger?.[level];
  if (!write) return;
  write.call(logger, redactValue(message) as string, fields ? (redactValue(fields) as Record<string, unknown>) : undefined);
}
