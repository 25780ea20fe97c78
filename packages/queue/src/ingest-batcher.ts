import type { IngestInput, IngestOptions, IngestResult, Store } from '@wismo/store';

export interface IngestBatcher {
  /** Resolves once the answer is committed (with the answers that arrived meanwhile, in one transaction). */
  ingest(input: IngestInput): Promise<IngestResult>;
  /** Commits what is waiting and resolves when nothing is in flight. */
  flush(): Promise<void>;
}

interface Waiting {
  input: IngestInput;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Refresh jobs finish one by one; writing each in its own transaction would make the database the
 * bottleneck. Answers that arrive while a batch is being written go into the next `ingestMany`, so one
 * worker process writes at most one batch at a time and a job completes only after its answer is stored.
 */
export function createIngestBatcher(store: Store, options: IngestOptions & { maxBatch?: number } = {}): IngestBatcher {
  const maxBatch = Math.max(1, options.maxBatch ?? 200);
  const ingestOptions: IngestOptions | undefined = options.policy ? { policy: options.policy } : undefined;
  let waiting: Waiting[] = [];
  let writing: Promise<void> | null = null;

  function write(): void {
    if (writing || waiting.length === 0) return;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    writing = store
      .ingestMany(
        batch.map((item) => item.input),
        ingestOptions,
      )
      .then(
        (results) => batch.forEach((item, index) => item.resolve(results[index]!)),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        writing = null;
        write();
      });
  }

  return {
    ingest(input) {
      return new Promise<IngestResult>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        // One macrotask lets the answers of the same tick join the batch.
        setImmediate(write);
      });
    },
    async flush() {
      while (writing || waiting.length > 0) {
        write();
        await writing;
      }
    },
  };
}
