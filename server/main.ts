/**
 * Entry point: reads the configuration and wires the parts together. No logic lives here.
 * Started by `tsx server/main.ts`.
 */
import fs from 'node:fs';
import { loadConfig } from './config.ts';
import { makeLogger } from './log.ts';
import { createHttpServer } from './http/router.ts';

const config = loadConfig();
const log = makeLogger();
fs.mkdirSync(config.dataDir, { recursive: true });

const server = createHttpServer({ staticDir: config.staticDir, relayOrigins: config.relayOrigins, log });

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`Rapport listening on http://${host}:${port}\n`);
  log('server.listening', { port });
});

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  log('server.stopping', { signal });
  server.close(() => {
    log('server.stopped');
    process.exit(0);
  });
  server.closeAllConnections();
  setTimeout(() => process.exit(1), 5_000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
