import path from 'node:path';
import Database from 'better-sqlite3';

/** Rows and bytes stored for a space, read straight from the relay's SQLite file. */
export function stored(dataDir: string, spaceId: string): { rows: number; bytes: number } {
  const db = new Database(path.join(dataDir, 'rapport.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { rows: number; bytes: number | null }>(
        'SELECT count(*) AS rows, sum(length(data)) AS bytes FROM updates WHERE space_id = ?',
      )
      .get(spaceId);
    return { rows: row?.rows ?? 0, bytes: row?.bytes ?? 0 };
  } finally {
    db.close();
  }
}
