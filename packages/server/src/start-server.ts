import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createWismoServer, type WismoServer, type WismoServerOptions } from './create-server';

export interface StartServerOptions extends WismoServerOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`; `0.0.0.0` to listen on every interface. */
  host?: string;
}

export interface RunningWismoServer {
  /** `http://host:port` plus the base path. */
  url: string;
  host: string;
  port: number;
  wismo: WismoServer;
  /** The Node HTTP server. */
  httpServer: Server;
  /** Stops accepting connections, closes idle and open ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Runs the server standalone on Node (`wismo serve`): `@hono/node-server` over `node:http`. */
export async function startServer(options: StartServerOptions): Promise<RunningWismoServer> {
  const { port = 3000, host = '127.0.0.1', ...serverOptions } = options;
  const wismo = createWismoServer(serverOptions);
  const httpServer = await new Promise<Server>((resolve, reject) => {
    const server = serve({ fetch: wismo.fetch, port, hostname: host }, () => {
      server.off('error', reject);
      resolve(server as Server);
    });
    server.once('error', reject);
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const basePath = serverOptions.basePath ? `/${serverOptions.basePath.replace(/^\/+|\/+$/g, '')}` : '';
  return {
    url: `http://${shownHost}:${address.port}${basePath === '/' ? '' : basePath}`,
    host: address.address,
    port: address.port,
    wismo,
    httpServer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.close((error) => (error ? reject(error) : resolve()));
        httpServer.closeIdleConnections();
        // Keep-alive connections in use by clients that never hang up would hold `close` open.
        setTimeout(() => httpServer.closeAllConnections(), 1_000).unref();
      }),
  };
}
