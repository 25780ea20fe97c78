import { detectCarrier } from '@wismo/core';
import { loadConfig } from '../config';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, type ExitCode } from '../errors';
import { formatDetection } from '../format';

export interface DetectCommandOptions {
  json?: boolean;
  config?: string;
}

/** `wismo detect <number>`: which carriers the number's format belongs to. Needs no credentials. */
export async function runDetect(number: string, options: DetectCommandOptions, context: CliContext): Promise<ExitCode> {
  const candidates = detectCarrier(number);
  // Credentials are optional here: they only decide whether a match is marked "configured".
  const config = loadConfig({
    env: context.env,
    cwd: context.cwd,
    requireCarrier: false,
    ...(options.config ? { configPath: options.config } : {}),
  });
  const configured = new Set(Object.keys(config.carriers));
  if (options.json) {
    writeLine(
      context.stdout,
      JSON.stringify(
        { input: number, candidates: candidates.map((candidate) => ({ ...candidate, configured: configured.has(candidate.carrier) })) },
        null,
        2,
      ),
    );
  } else {
    writeLine(context.stdout, formatDetection(number, candidates, configured));
  }
  return candidates.length > 0 ? EXIT_CODES.ok : EXIT_CODES.findings;
}
