import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LISTENING = /^Rapport listening on (http:\/\/\S+)$/m;

export interface RelayProcess {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** e.g. ws://127.0.0.1:41234/sync */
  readonly syncUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the relay wrote to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Sends the signal and resolves with the exit code/signal once the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  /** Reuse a data directory (to test restarts); a fresh temp dir otherwise. */
  readonly dataDir?: string;
  readonly staticDir?: string;
  readonly port?: number;
  /** Extra node flags, e.g. ['--cpu-prof'] (not allowed in NODE_OPTIONS). */
  readonly nodeArgs?: readonly string[];
}

export function makeTempDir(prefix = 'rapport-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Spawns `tsx server/main.ts` on port 0 and waits for its listening line. tsx runs as a loader
 * inside the one node process (not via its CLI, which forks a second process), so that a signal,
 * SIGKILL included, reaches the relay itself.
 */
export function startRelay(options: StartOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? makeTempDir();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: options.staticDir ?? path.join(dataDir, 'no-static'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not start in time\nstdout: ${out}\nstderr: ${err}`));
    }, 20_000);
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code} before listening\nstderr: ${err}`));
    };
    child.once('exit', onEarlyExit);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      const had = LISTENING.test(out);
      out += d;
      const match = LISTENING.exec(out);
      if (!had && match !== null && match[1] !== undefined) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        const url = match[1];
        const port = Number(new URL(url).port);
        resolve({
          url,
          syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
          port,
          dataDir,
          child,
          stderr: () => err,
          stdout: () => out,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
  });
}
