import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/io/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

// Which layers io may import is a lint rule (biome.json, test/tooling/layers.test.ts).
describe('src/io runs in a worker and in Node', () => {
  expect(files.length).toBeGreaterThan(10);
  it('only the worker client touches browser APIs', () => {
    for (const file of files.filter((f) => f !== 'worker-client.ts' && f !== 'import.worker.ts')) {
      // Code only: comments may speak of "the document".
      const code = readFileSync(dir + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(document|window|localStorage|new Worker)\b/);
    }
  });
});
