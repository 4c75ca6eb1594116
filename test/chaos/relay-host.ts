/**
 * The real relay process (`server/main.ts`, SQLite in a data directory) for a chaos run: killed
 * with SIGKILL and started again on the same port and data directory, so devices (and the
 * browsers' origin) find it where it was. It also serves the built app when given `staticDir`.
 */
import { startRelay, type RelayProcess } from '../server/relay-process.ts';

/** Limits a run of many spaces from one address would hit; compaction and unloading made frequent. */
const ENV = {
  RAPPORT_SPACES_PER_HOUR: '1000000',
  RAPPORT_PAIRINGS_PER_10MIN: '1000000',
  RAPPORT_COMPACT_AFTER: '25',
  RAPPORT_IDLE_UNLOAD_MS: '200',
};

export class RelayHost {
  private constructor(
    private process: RelayProcess | null,
    readonly url: string,
    readonly port: number,
    readonly dataDir: string,
    private readonly staticDir?: string,
  ) {}

  static async start(opts: { staticDir?: string } = {}): Promise<RelayHost> {
    const relay = await startRelay({ env: ENV, ...(opts.staticDir ? { staticDir: opts.staticDir } : {}) });
    return new RelayHost(relay, relay.url, relay.port, relay.dataDir, opts.staticDir);
  }

  get up(): boolean {
    return this.process !== null;
  }

  async kill(): Promise<void> {
    const relay = this.process;
    this.process = null;
    await relay?.stop('SIGKILL');
  }

  async restart(): Promise<void> {
    if (this.process) return;
    this.process = await startRelay({
      env: ENV,
      port: this.port,
      dataDir: this.dataDir,
      ...(this.staticDir ? { staticDir: this.staticDir } : {}),
    });
  }

  /** What the relay wrote to stderr (for a failure's report). */
  stderr(): string {
    return this.process?.stderr() ?? '';
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM');
    this.process = null;
  }
}
