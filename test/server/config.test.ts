/** The cluster settings: both or neither, and only URLs of the right kind. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

const DB = 'postgres://rapport:secret@db.internal:5432/rapport';
const REDIS = 'redis://cache.internal:6379';

describe('cluster configuration', () => {
  it('is off with neither URL: one node on SQLite', () => {
    expect(loadConfig({}).cluster).toBeNull();
    expect(loadConfig({ RAPPORT_DATABASE_URL: ' ', RAPPORT_REDIS_URL: '' }).cluster).toBeNull();
  });

  it('is on with both', () => {
    expect(loadConfig({ RAPPORT_DATABASE_URL: DB, RAPPORT_REDIS_URL: REDIS }).cluster).toEqual({
      databaseUrl: DB,
      redisUrl: REDIS,
    });
  });

  it('refuses one without the other, saying which is missing', () => {
    expect(() => loadConfig({ RAPPORT_DATABASE_URL: DB })).toThrow(/RAPPORT_REDIS_URL is not/);
    expect(() => loadConfig({ RAPPORT_REDIS_URL: REDIS })).toThrow(/RAPPORT_DATABASE_URL is not/);
  });

  it('refuses URLs of the wrong kind without repeating them (they may hold a password)', () => {
    const error = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        return String(e);
      }
      return 'no error';
    };
    const bad = error({ RAPPORT_DATABASE_URL: 'mysql://u:secret@h/d', RAPPORT_REDIS_URL: REDIS });
    expect(bad).toMatch(/RAPPORT_DATABASE_URL must be a postgres/);
    expect(bad).not.toContain('secret');
    expect(error({ RAPPORT_DATABASE_URL: DB, RAPPORT_REDIS_URL: 'http://x' })).toMatch(/RAPPORT_REDIS_URL must be/);
  });
});
