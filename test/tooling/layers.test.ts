/**
 * The layer rules in biome.json (`npm run lint`) refuse an import across a layer, and let
 * the edges that exist on purpose through. Each probe is a file written into a scratch
 * copy of the project's shape and linted with the project's own configuration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rapport-layers-'));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
config.$schema = undefined;
config.vcs = { enabled: false };
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let probes = 0;
function lint(path: string, importLine: string): { ok: boolean; output: string } {
  const file = join(scratch, path.replace(/\.ts$/, `-${probes++}.ts`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${importLine}\n\nexport const probe = used;\n`);
  const biome = join(root, 'node_modules', '.bin', 'biome');
  const r = spawnSync(biome, ['lint', '--config-path', scratch, file], { encoding: 'utf8' });
  rmSync(file);
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

const refused: [string, string][] = [
  ['src/model/rules/x.ts', "import used from 'yjs';"],
  ['src/model/x.ts', "import used from 'solid-js';"],
  ['src/model/x.ts', "import used from '../store/index.ts';"],
  ['src/io/x.ts', "import used from '../store/index.ts';"],
  ['src/io/x.ts', "import used from 'yjs';"],
  ['src/store/x.ts', "import used from '../sync/space.ts';"],
  ['src/store/x.ts', "import used from '../ui/app.tsx';"],
  ['src/sync/x.ts', "import used from '../ui/app.tsx';"],
  ['src/sync/x.ts', "import used from 'solid-js';"],
  ['src/pwa/x.ts', "import used from '../ui/app.tsx';"],
  ['server/relay/x.ts', "import used from '../../src/model/index.ts';"],
  ['server/relay/x.ts', "import used from '../http/metrics.ts';"],
  ['server/x.ts', "import used from '../src/model/index.ts';"],
  // The UI's writes go through src/ui/writes.ts, which words a failure once.
  ['src/ui/pages/x.tsx', "import { add as used } from '../../store/index.ts';"],
  ['src/ui/x.ts', "import { moveToTrash as used } from '../store/index.ts';"],
];
const allowed: [string, string][] = [
  ['src/model/rules/x.ts', "import used from '../index.ts';"],
  ['src/io/x.ts', "import used from '../model/index.ts';"],
  ['src/store/x.ts', "import used from 'yjs';"],
  // On purpose: the import writes what io planned, so store reads io's plan types.
  ['src/store/x.ts', "import used from '../io/match.ts';"],
  ['src/sync/x.ts', "import used from '../store/index.ts';"],
  ['src/ui/x.ts', "import used from '../sync/space.ts';"],
  ['src/ui/x.ts', "import { readAll as used } from '../store/index.ts';"],
  // The counters live beside relay/ and http/, so both may count into them.
  ['server/relay/x.ts', "import used from '../metrics.ts';"],
  ['server/http/x.ts', "import used from '../metrics.ts';"],
  ['server/main.ts', "import used from './http/router.ts';"],
];

describe('layer rules (biome.json, npm run lint)', () => {
  it.each(refused)('%s may not say %s', (path, line) => {
    const r = lint(path, line);
    expect(r.ok, r.output).toBe(false);
    expect(r.output).toContain('noRestrictedImports');
  });
  it.each(allowed)('%s may say %s', (path, line) => {
    const r = lint(path, line);
    expect(r.ok, r.output).toBe(true);
  });
});
