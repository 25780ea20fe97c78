// `tsx examples/server/standalone.ts`: wismo on its own Node HTTP server (what `wismo serve` runs).
import { startServer } from '@wismo/server';
import { createSandboxWismo, EXAMPLE_API_KEY, isMain } from './sandbox-setup';

export async function runStandalone(port = Number(process.env.PORT ?? 3000)) {
  const { options, numbers, close } = await createSandboxWismo();
  const running = await startServer({ ...options, port, host: '127.0.0.1' });
  return {
    running,
    numbers,
    async close() {
      await running.close();
      await close();
    },
  };
}

if (isMain(import.meta.url)) {
  const { running, numbers, close } = await runStandalone();
  console.log(`wismo on ${running.url}`);
  console.log(`  tracking page   ${running.url}/track/dhl/${numbers.dhl.in_transit}`);
  console.log(`  order lookup    ${running.url}/orders/lookup  (order 1001 + anna@example.de)`);
  console.log(
    `  API             curl -H 'Authorization: Bearer ${EXAMPLE_API_KEY}' ${running.url}/v1/shipments/ups/${numbers.ups.delivered}`,
  );
  console.log(`  OpenAPI         ${running.url}/openapi.json`);
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
