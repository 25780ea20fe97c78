// `tsx examples/server/fastify.ts`: wismo mounted at /wismo in a Fastify 5 app.
import { getRequestListener } from '@hono/node-server';
import Fastify, { type FastifyInstance } from 'fastify';
import type { WismoServer } from '@wismo/server';
import { createSandboxWismo, EXAMPLE_API_KEY, isMain, type SandboxWismo } from './sandbox-setup';

/**
 * A plugin scope under the prefix hands the raw Node request and response to wismo. Its content-type
 * parsers are removed so that Fastify leaves the body stream for wismo to read; `reply.hijack()` tells
 * Fastify that wismo answers.
 */
export async function mountWismo(fastify: FastifyInstance, wismo: WismoServer, prefix = '/wismo'): Promise<void> {
  const listener = getRequestListener(wismo.fetch);
  await fastify.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      const handler = async (
        request: { raw: Parameters<typeof listener>[0] },
        reply: { hijack(): void; raw: Parameters<typeof listener>[1] },
      ) => {
        reply.hijack();
        await listener(request.raw, reply.raw);
      };
      scope.all('/', handler);
      scope.all('/*', handler);
    },
    { prefix },
  );
}

export async function createFastifyExample(): Promise<{ fastify: FastifyInstance; sandbox: SandboxWismo }> {
  const sandbox = await createSandboxWismo({ basePath: '/wismo' });
  const fastify = Fastify();
  fastify.get('/', async () => ({ shop: 'Nordlicht Outdoor', tracking: '/wismo/track' }));
  await mountWismo(fastify, sandbox.wismo);
  return { fastify, sandbox };
}

if (isMain(import.meta.url)) {
  const { fastify, sandbox } = await createFastifyExample();
  const address = await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
  console.log(`Fastify on ${address}; wismo at /wismo`);
  console.log(`  ${address}/wismo/track/ups/${sandbox.numbers.ups.out_for_delivery}`);
  console.log(`  curl -H 'Authorization: Bearer ${EXAMPLE_API_KEY}' ${address}/wismo/v1/shipments/usps/${sandbox.numbers.usps.in_transit}`);
  process.once(
    'SIGINT',
    () =>
      void fastify
        .close()
        .then(() => sandbox.close())
        .then(() => process.exit(0)),
  );
}
