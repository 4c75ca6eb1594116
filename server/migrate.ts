/**
 * Copies a single node's SQLite data into PostgreSQL, for moving to several nodes:
 * `npm run migrate -- --to "$RAPPORT_DATABASE_URL" [--from DATA_DIR]`. Everything is copied in one
 * transaction, row ids included (so the order of each space's rows is kept), into a database
 * with no spaces yet; devices keep their tokens, codes and reminders stay valid (the VAPID key
 * pair goes with them). The SQLite file
 * is only read. Stop the relay first: rows written during the copy would not be in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readVapidKeys } from './push/vapid.ts';
import { openPostgresStorage } from './storage/postgres.ts';

interface Args {
  readonly to: string;
  readonly from: string;
}

const USAGE = 'usage: npm run migrate -- --to postgres://… [--from DATA_DIR]';

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Args {
  let to: string | null = null;
  let from = env['DATA_DIR'] || './data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--to' || arg === '--from') && (value === undefined || value.startsWith('--')))
      throw new Error(`${arg} needs a value\n${USAGE}`);
    if (arg === '--to') to = value ?? null;
    else if (arg === '--from') from = value ?? from;
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    i++;
  }
  if (to === null || to === '') throw new Error(`--to is required\n${USAGE}`);
  // The URL may hold a password: never repeated back.
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) throw new Error(`--to must be a postgres:// or postgresql:// URL\n${USAGE}`);
  return { to, from: path.resolve(from) };
}

/** Table, columns (the same names on both sides), in an order that satisfies foreign keys. */
const TABLES: readonly [string, readonly string[]][] = [
  ['spaces', ['id', 'created_at']],
  ['devices', ['id', 'space_id', 'name', 'secret_hash', 'created_at', 'last_seen_at', 'revoked_at']],
  ['pairings', ['code_hash', 'space_id', 'created_by', 'expires_at']],
  ['updates', ['id', 'space_id', 'data']],
  ['push_subscriptions', ['device_id', 'endpoint', 'p256dh', 'auth', 'updated_at']],
  ['push_wakes', ['device_id', 'at']],
  // Absent from files written before it existed (then there is nothing to copy).
  ['erased_spaces', ['space_id', 'erased_at']],
];

const BATCH = 500;

export async function migrate(args: Args, say: (line: string) => void): Promise<Record<string, number>> {
  const file = path.join(args.from, 'rapport.sqlite3');
  if (!fs.existsSync(file)) throw new Error(`no SQLite database at ${file} (set --from to the relay's DATA_DIR)`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  // Creates the tables if they are not there yet.
  const storage = await openPostgresStorage({ url: args.to });
  await storage.close();
  const client = new pg.Client({ connectionString: args.to });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM spaces');
    if (Number(existing.rows[0]?.n ?? 0) > 0)
      throw new Error('the PostgreSQL database already holds spaces: migrate into an empty one');
    // One snapshot of the SQLite file for the whole copy.
    sqlite.exec('BEGIN');
    for (const [table, columns] of TABLES) {
      const present = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
      if (present === undefined) continue;
      const list = columns.join(', ');
      let n = 0;
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const placeholders = batch
          .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
          .join(', ');
        await client.query(`INSERT INTO ${table} (${list}) VALUES ${placeholders}`, batch.flat());
        n += batch.length;
        batch = [];
      };
      for (const row of sqlite.prepare(`SELECT ${list} FROM ${table}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      counts[table] = n;
      say(`${table}: ${n}`);
    }
    sqlite.exec('COMMIT');
    // Devices subscribed to reminders with this relay's VAPID key: every node must sign with it.
    // With no spaces here yet, no subscription can hold a key a node may have stored already.
    const vapid = readVapidKeys(args.from);
    if (vapid !== null) {
      await client.query(
        "INSERT INTO relay_keys (name, value) VALUES ('vapid', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [JSON.stringify(vapid)],
      );
      say('vapid key pair: copied');
    }
    // New rows continue after the copied ids.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('updates', 'id'), GREATEST((SELECT max(id) FROM updates), 1), (SELECT max(id) FROM updates) IS NOT NULL)`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/migrate.ts')) {
  try {
    const args = parseArgs(process.argv.slice(2), process.env);
    await migrate(args, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(
      'Migrated into PostgreSQL. Start the nodes with RAPPORT_DATABASE_URL and RAPPORT_REDIS_URL.\n',
    );
  } catch (error) {
    process.stderr.write(`Rapport migrate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
