/**
 * Private PostgreSQL and Redis servers for tests: each in its own temporary directory, on a free
 * loopback port, stopped (and its directory removed) by `stop()`. PostgreSQL refuses to run as
 * root, so as root its programs run as the `postgres` user (Debian's package makes it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface Engine {
  readonly url: string;
  readonly port: number;
  /** Kills the server at once (SIGKILL), keeping its files; `start` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresBin(): string {
  const fromEnv = process.env['POSTGRES_BIN'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  throw new Error('PostgreSQL not found: install Debian\'s "postgresql" package or set POSTGRES_BIN');
}

const asRoot = process.getuid?.() === 0;

/** As root, PostgreSQL's programs run as the `postgres` user (spawned as it directly, so the
 * server is our own child and is killed and reaped by its id). */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (!asRoot) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('no "postgres" user: install Debian\'s postgresql package');
  return { uid, gid };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited: ${log()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not start: ${log()}`);
}

/** Ids of the processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

export async function startPostgres(): Promise<Engine> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const user = postgresUser();
  const [cmd, args] = [
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
  ] as const;
  const init = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir, ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    const [c, a] = [
      path.join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        // A test server: speed over surviving a power cut (the relay's own kills are what is tested).
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
    ] as const;
    output = '';
    const started = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...user });
    child = started;
    started.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    started.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    await waitFor(
      'postgres',
      async () => {
        const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
        // A server still starting up may drop the connection: that is "not ready", not an error.
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('SELECT 1');
          return true;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      started,
      () => output,
    );
  };

  const kill = async () => {
    if (child === null) return;
    const c = child;
    child = null;
    // The postmaster (our child) and its backends are killed by id, like a crash of the database.
    const backends = c.pid === undefined ? [] : childrenOf(c.pid);
    c.kill('SIGKILL');
    for (const pid of backends) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited(c);
    // Lock files naming the dead postmaster would stop the next start.
    fs.rmSync(path.join(data, 'postmaster.pid'), { force: true });
    fs.rmSync(path.join(dir, `.s.PGSQL.${port}.lock`), { force: true });
  };

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    kill,
    start,
    async stop() {
      if (child !== null) {
        const c = child;
        child = null;
        spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], {
          encoding: 'utf8',
          cwd: dir,
          ...user,
        });
        c.kill('SIGKILL');
        await exited(c);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on `engine`; its URL. */
export async function createDatabase(engine: Engine, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: engine.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return engine.url.replace(/\/postgres$/, `/${name}`);
}

export async function startRedis(): Promise<Engine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    if (child !== null) return;
    output = '';
    const started = spawn(
      process.env['REDIS_SERVER'] || 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    started.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    started.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    started.on('error', (e) => (output += String(e)));
    await waitFor(
      'redis-server',
      () =>
        new Promise<boolean>((resolve) => {
          const socket = net.connect(port, '127.0.0.1');
          socket.once('connect', () => {
            socket.write('PING\r\n');
          });
          socket.once('data', (d) => {
            socket.destroy();
            resolve(d.toString().startsWith('+PONG'));
          });
          socket.once('error', () => resolve(false));
        }),
      started,
      () => output,
    );
  };
  const kill = async () => {
    if (child === null) return;
    const c = child;
    child = null;
    c.kill('SIGKILL');
    await exited(c);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async stop() {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
