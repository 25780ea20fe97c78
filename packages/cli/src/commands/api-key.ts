import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, type ExitCode } from '../errors';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';

export interface ApiKeyCommandOptions extends StoreCommandOptions {
  name?: string;
}

/**
 * `wismo api-key create|list|revoke`: API keys that belong to one shop. `wismo serve` with a store accepts
 * them, and every /v1 request made with one sees only that shop. The key is printed once; the store keeps
 * only its hash.
 */
export async function runApiKey(
  action: 'create' | 'list' | 'revoke',
  keyId: string | undefined,
  options: ApiKeyCommandOptions,
  context: CliContext,
): Promise<ExitCode> {
  const shopId = shopIdFrom(options.shop);
  return withStore(options, context, async (store) => {
    const shop = store.shop(shopId);
    if (action === 'create') {
      await shop.ensureShop();
      const created = await shop.createApiKey(options.name ? { name: options.name } : {});
      writeLine(context.stdout, created.key);
      writeLine(context.stderr, `API key ${created.id} for shop ${created.shopId} (shown once; the store keeps only its hash).`);
      return EXIT_CODES.ok;
    }
    if (action === 'list') {
      const keys = await shop.listApiKeys();
      if (keys.length === 0) writeLine(context.stdout, `No API keys for shop ${shop.shopId}.`);
      for (const key of keys)
        writeLine(
          context.stdout,
          `${key.id}  ${key.name ?? '-'}  created ${key.createdAt}${key.revokedAt ? `  revoked ${key.revokedAt}` : ''}`,
        );
      return EXIT_CODES.ok;
    }
    const revoked = keyId ? await shop.revokeApiKey(keyId) : false;
    writeLine(
      revoked ? context.stdout : context.stderr,
      revoked ? `Revoked ${keyId}.` : `Shop ${shop.shopId} has no API key ${keyId ?? '(none given)'}.`,
    );
    return revoked ? EXIT_CODES.ok : EXIT_CODES.findings;
  });
}
