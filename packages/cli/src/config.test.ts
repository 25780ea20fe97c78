import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliTracker, loadConfig } from './config';

const directory = mkdtempSync(join(tmpdir(), 'wismo-config-'));
const SECRET = 'super-secret-value-123';

function configFile(content: unknown): string {
  const path = join(directory, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function errorOf(run: () => unknown): { message: string; hint: string | null; exitCode: number } {
  try {
    run();
  } catch (error) {
    return error as { message: string; hint: string | null; exitCode: number };
  }
  throw new Error('expected an error');
}

describe('config file syntax errors', () => {
  const CANARY = 'CANARYsecretXYZ987';
  it.each([
    ['an unquoted secret', `{\n  "carriers": {\n    "dhl": { "apiKey": ${CANARY} }\n  }\n}\n`, 3, 24],
    ['a single-quoted secret', `{"carriers": {"dhl": {"apiKey": '${CANARY}'}}}`, 1, 33],
    ['a missing comma after the secret', `{\r\n"carriers": {"dhl": {"apiKey": "${CANARY}" "service": "parcel-de"}}}`, 2, 53],
    ['an unterminated secret', `{"carriers": {"dhl": {"apiKey": "${CANARY}\n}}}`, 1, 33],
    ['a trailing comma', `{"carriers": {"dhl": {"apiKey": "${CANARY}",}}}`, 1, 54],
  ])('%s: names the file, the line and the column, and nothing of the text around it', (_, text, line, column) => {
    const path = configFile(text);
    const error = errorOf(() => loadConfig({ configPath: path, env: {} }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(path);
    expect(error.message).toContain(`line ${line}, column ${column}`);
    const everything = `${error.message} ${error.hint}`;
    for (let length = 4; length <= CANARY.length; length += 1) expect(everything).not.toContain(CANARY.slice(0, length));
    expect(error.message).not.toMatch(/apiKey|carriers/);
  });
});

describe('loadConfig', () => {
  it('configures exactly the carriers whose environment variables are set', () => {
    const config = loadConfig({ env: { UPS_CLIENT_ID: 'id', UPS_CLIENT_SECRET: SECRET, DHL_API_KEY: ' key ' } });
    expect(Object.keys(config.carriers)).toEqual(['ups', 'dhl']);
    expect(config.carriers.ups).toEqual({ clientId: 'id', clientSecret: SECRET });
    expect(config.carriers.dhl).toEqual({ apiKey: 'key' });
    expect(config.sources).toEqual({ ups: 'environment', dhl: 'environment' });
    const tracker = createCliTracker(config);
    expect([...tracker.carriers.keys()]).toEqual(['ups', 'dhl']);
  });

  it('reads a config file (--config or WISMO_CONFIG); a setting in the file wins, other settings pass through', () => {
    const path = configFile({
      carriers: {
        fedex: { clientId: 'file-id', clientSecret: 'file-secret', baseUrl: 'http://127.0.0.1:1' },
        dhl: { apiKey: 'file-key', service: 'parcel-de' },
      },
      transport: { timeoutMs: 5000 },
    });
    const config = loadConfig({ configPath: path, env: { FEDEX_CLIENT_ID: 'env-id', USPS_CLIENT_ID: 'u', USPS_CLIENT_SECRET: 's' } });
    expect(config.carriers.fedex).toEqual({ clientId: 'file-id', clientSecret: 'file-secret', baseUrl: 'http://127.0.0.1:1' });
    expect(config.carriers.dhl).toMatchObject({ apiKey: 'file-key', service: 'parcel-de' });
    expect(config.carriers.usps).toEqual({ clientId: 'u', clientSecret: 's' });
    expect(config.transport).toEqual({ timeoutMs: 5000 });
    expect(config.configFile).toBe(path);
    expect(loadConfig({ env: { WISMO_CONFIG: path } }).configFile).toBe(path);
    const mixed = loadConfig({
      configPath: configFile({ carriers: { ups: { clientId: 'from-file' } } }),
      env: { UPS_CLIENT_SECRET: SECRET },
    });
    expect(mixed.sources.ups).toBe('config file and environment');
  });

  it('no credentials at all: a clear error that names every variable, the config file and the demo', () => {
    const error = errorOf(() => loadConfig({ env: {} }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/No carrier credentials found/);
    for (const variable of [
      'UPS_CLIENT_ID',
      'UPS_CLIENT_SECRET',
      'FEDEX_CLIENT_ID',
      'FEDEX_CLIENT_SECRET',
      'USPS_CLIENT_ID',
      'USPS_CLIENT_SECRET',
      'DHL_API_KEY',
      'WISMO_CONFIG',
      '--config',
      'wismo demo',
    ]) {
      expect(error.hint).toContain(variable);
    }
    expect(loadConfig({ env: {}, requireCarrier: false }).carriers).toEqual({});
  });

  it('half a pair is an error naming the missing variable, without printing the value that is set', () => {
    const error = errorOf(() => loadConfig({ env: { UPS_CLIENT_ID: 'x', UPS_CLIENT_SECRET: '', FEDEX_CLIENT_SECRET: SECRET } }));
    expect(error.message).toMatch(/UPS is half configured: clientId is set but UPS_CLIENT_SECRET/);
    const fedex = errorOf(() => loadConfig({ env: { FEDEX_CLIENT_SECRET: SECRET } }));
    expect(fedex.message).toMatch(/FEDEX_CLIENT_ID/);
    expect(`${fedex.message} ${fedex.hint}`).not.toContain(SECRET);
  });

  it('a broken config file is a usage error saying what to fix', () => {
    expect(errorOf(() => loadConfig({ configPath: join(directory, 'missing.json'), env: {} })).message).toMatch(
      /Cannot read the config file .*no such file/,
    );
    expect(errorOf(() => loadConfig({ configPath: configFile('{"carriers": '), env: {} })).message).toMatch(/not valid JSON/);
    expect(errorOf(() => loadConfig({ configPath: configFile({ carriers: { yodel: {} } }), env: {} })).hint).toMatch(
      /ups, fedex, usps, dhl/,
    );
    expect(errorOf(() => loadConfig({ configPath: configFile({ carrier: {} }), env: {} })).message).toMatch(/unknown key\(s\): carrier/);
    expect(errorOf(() => loadConfig({ configPath: configFile({ carriers: { dhl: { apiKey: 42 } } }), env: {} })).message).toMatch(
      /carriers\.dhl\.apiKey.*must be a string/,
    );
    expect(errorOf(() => loadConfig({ configPath: configFile([1]), env: {} })).message).toMatch(/must hold a JSON object/);
  });
});
