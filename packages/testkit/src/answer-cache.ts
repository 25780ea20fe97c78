import type { SandboxAnswer, SandboxRequest } from './sandbox-carrier';

/** An answer as it goes on the wire: the body already serialised, so sending it again costs no rendering. */
export interface RenderedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The one place an answer becomes bytes: a cached answer and a fresh one are rendered alike. */
export function renderAnswer(answer: SandboxAnswer): RenderedAnswer {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return { status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers }, body: Buffer.from(text, 'utf8') };
}

/**
 * What a tracking answer depends on besides the clock: method, path and query, body, and the request headers
 * the carrier names in `answerVaries` (as HTTP's `Vary`). Tokens and request ids in other headers do not count.
 */
export function answerCacheKey(request: SandboxRequest, varyHeaders: readonly string[] = []): string {
  const varied = varyHeaders.map((name) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : (value ?? '');
  });
  return [request.method, request.url.pathname + request.url.search, ...varied, request.body].join('\u0000');
}

export interface AnswerCache {
  /** The answer rendered for `key` at sandbox time `nowMs`; a clock that moved since empties the cache first. */
  get(key: string, nowMs: number): RenderedAnswer | undefined;
  set(key: string, nowMs: number, answer: RenderedAnswer): void;
  readonly size: number;
}

/**
 * Rendered tracking answers of one sandbox time. Journeys follow the clock, so every entry is only good for the
 * instant it was rendered at: the cache pays only while the clock stands still (`createSandboxClock`).
 * Past `maxEntries` it starts over rather than grow without bound.
 */
export function createAnswerCache(maxEntries = 100_000): AnswerCache {
  const answers = new Map<string, RenderedAnswer>();
  let renderedAtMs = Number.NaN;

  function at(nowMs: number): void {
    if (nowMs === renderedAtMs) return;
    answers.clear();
    renderedAtMs = nowMs;
  }

  return {
    get(key, nowMs) {
      at(nowMs);
      return answers.get(key);
    },
    set(key, nowMs, answer) {
      at(nowMs);
      if (answers.size >= maxEntries) answers.clear();
      answers.set(key, answer);
    },
    get size() {
      return answers.size;
    },
  };
}
