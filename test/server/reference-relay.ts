/** The reference relay @y/websocket-server@0.1.1 in a child process, for differential tests. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ReferenceRelay {
  readonly syncUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startReferenceRelay(): Promise<ReferenceRelay> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference relay did not start: ${out}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`reference relay exited ${code}: ${out}`)));
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('running at')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    pid: child.pid ?? 0,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
