/**
 * Entry point: reads the configuration and wires the parts together. No logic lives here.
 * Started by `tsx server/main.ts`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { makeDevices } from './auth/devices.ts';
import { localRateLimiter, makeRateLimiter, type SharedRateLimiter } from './auth/rate-limit.ts';
import { makeRedisLimiters } from './cluster/redis-limiter.ts';
import { loadConfig, type Config } from './config.ts';
import { makeApiRoute } from './http/api.ts';
import { makeMetricsRoute } from './http/metrics.ts';
import { makeRemindersRoute } from './http/reminders.ts';
import { createHttpServer } from './http/router.ts';
import { makeLogger } from './log.ts';
import { makeMetrics } from './metrics.ts';
import { makePushScheduler } from './push/scheduler.ts';
import { makeSender } from './push/sender.ts';
import { loadOrCreateVapidKeys, makeVapidKeys, readVapidKeys, type VapidKeys } from './push/vapid.ts';
import { noFanout } from './relay/fanout.ts';
import type { Lease } from './relay/cluster.ts';
import { Relay } from './relay/relay.ts';
import { makeRedisFanout } from './cluster/redis-fanout.ts';
import { openPostgresStorage, type PostgresStorage } from './storage/postgres.ts';
import { openSqliteStorage } from './storage/sqlite.ts';
import type { Storage } from './storage/types.ts';

/** A setting or a service that makes starting impossible: say why in one line, without a stack. */
function refuseToStart(error: unknown): never {
  process.stderr.write(`Rapport cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/**
 * With several nodes, every one signs pushes with the pair stored in PostgreSQL. A node's own
 * vapid.json (a relay moved from SQLite, whose devices subscribed with it) is offered as that pair
 * by the first node to start; one that differs from the stored pair is not used, and said so.
 */
async function clusterVapidKeys(storage: PostgresStorage): Promise<VapidKeys> {
  const own = readVapidKeys(config.dataDir);
  const shared = await storage
    .sharedVapidKeys(own ?? makeVapidKeys())
    .catch((error: unknown) => refuseToStart(`PostgreSQL (RAPPORT_DATABASE_URL): ${String(error)}`));
  if (own !== null && own.publicKey !== shared.publicKey)
    log('push.vapid-file-unused', { reason: 'another node stored the cluster key pair first' });
  return shared;
}

/** A node that dies mid-compaction leaves its lease to expire after this long. */
const COMPACTION_LEASE_MS = 60_000;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  refuseToStart(error);
}
const { limits } = config;
const log = makeLogger();
fs.mkdirSync(config.dataDir, { recursive: true });

const cluster = config.cluster;
const postgres =
  cluster === null
    ? null
    : await openPostgresStorage({
        url: cluster.databaseUrl,
        onError: (error) => log('storage.connection-error', { error }),
      }).catch((error: unknown) => refuseToStart(`PostgreSQL (RAPPORT_DATABASE_URL): ${String(error)}`));
const storage: Storage =
  postgres ??
  openSqliteStorage({
    dataDir: config.dataDir,
    synchronous: config.sqliteSync,
    onError: (error) => log('storage.checkpoint-failed', { error }),
  });
log('storage.opened', { kind: postgres === null ? 'sqlite' : 'postgres' });
// Several nodes: Redis between them (late-bound to the relay, which it feeds), and a compaction
// lease in PostgreSQL held by this node's random id.
let relay: Relay | null = null;
const fanout =
  cluster === null
    ? noFanout
    : makeRedisFanout({
        url: cluster.redisUrl,
        onError: (event, error) => log(event, { error }),
        handlers: {
          update: (spaceId, update) => relay?.peers.update(spaceId, update),
          awareness: (spaceId, update) => relay?.peers.awareness(spaceId, update),
          revoked: (deviceIds, erased) => relay?.peers.revoked(deviceIds, erased),
          reread: (spaceIds) => relay?.peers.reread(spaceIds),
          reconnected: () => relay?.peers.reconnected(),
        },
      });
// The per-address (and per-device) buckets: in Redis with several nodes, so they hold across them.
const redisLimiters =
  cluster === null ? null : makeRedisLimiters(cluster.redisUrl, (event, error) => log(event, { error }));
const limiter = (name: string, capacity: number, perSecond: number): SharedRateLimiter =>
  redisLimiters?.limiter(name, capacity, perSecond) ?? localRateLimiter(makeRateLimiter(capacity, perSecond));
const nodeId = randomUUID();
const lease: Lease | undefined =
  postgres === null
    ? undefined
    : {
        take: (spaceId) => postgres.takeLease(spaceId, nodeId, Date.now(), Date.now() + COMPACTION_LEASE_MS),
        release: (spaceId) => postgres.releaseLease(spaceId, nodeId),
      };
const metrics = makeMetrics();
const devices = makeDevices(storage);
const theRelay = new Relay({ storage, devices, limits, metrics, log, fanout, ...(lease ? { lease } : {}) });
relay = theRelay;
const vapid = postgres === null ? loadOrCreateVapidKeys(config.dataDir) : await clusterVapidKeys(postgres);
const scheduler = makePushScheduler({
  storage,
  log,
  // With several nodes, another node's schedule is looked at within a minute if that node dies.
  ...(cluster === null ? {} : { recheckMs: 60_000 }),
  send: makeSender({ vapid, subject: config.push.subject, allowLocalHttp: config.push.allowLocalHttp }),
});
if (config.push.allowLocalHttp) log('push.allow-local-http', { warning: 'test-setting' });

const server = createHttpServer({
  staticDir: config.staticDir,
  relayOrigins: config.relayOrigins,
  log,
  routes: [
    makeMetricsRoute(
      metrics,
      () => ({ connections: theRelay.connectionCount, spacesLoaded: theRelay.spaces.size }),
      config.metricsToken,
    ),
    makeRemindersRoute({
      devices,
      storage,
      scheduler,
      publicKey: vapid.publicKey,
      allowLocalHttp: config.push.allowLocalHttp,
      limiter: limiter('reminders', config.push.schedulesPerHour, config.push.schedulesPerHour / 3600),
      log,
    }),
    makeApiRoute({
      devices,
      inviteCode: config.inviteCode,
      spaceLimiter: limiter('spaces', limits.spaceCreationsPerHour, limits.spaceCreationsPerHour / 3600),
      pairingLimiter: limiter('pairings', limits.pairingAttemptsPer10Min, limits.pairingAttemptsPer10Min / 600),
      metrics,
      log,
      disconnectDevice: (deviceId) => theRelay.revokeDevice(deviceId),
      eraseSpace: (spaceId) => theRelay.eraseSpace(spaceId),
    }),
  ],
});
server.on('upgrade', (req, socket, head) => theRelay.handleUpgrade(req, socket, head));
// Beyond this many sockets (HTTP and WebSocket together) new TCP connections are dropped at once.
server.maxConnections = limits.maxConnections + 1_000;

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
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  // Everything accepted is stored once the relay has shut down; then sockets and the WAL.
  void Promise.all([theRelay.shutdown(), scheduler.stop()])
    .then(() => Promise.all([fanout.close(), redisLimiters?.close(), storage.close(), closed]))
    .then(() => {
      log('server.stopped');
      process.exit(0);
    });
  setTimeout(() => {
    log('server.stop-timeout');
    process.exit(0);
  }, 8_000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
