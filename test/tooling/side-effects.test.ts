/**
 * package.json says `"sideEffects": ["*.css"]`: the bundler may leave out any of our modules whose
 * exports nothing uses (a barrel's re-exports, most of all), which keeps the model's rules out of
 * the first load. That holds only while no module of ours does its work by being imported:
 * no bare `import './x.ts'` of a script, and no call at a module's top level but in the entries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Entries and workers run as themselves, never as something imported. */
const ENTRIES = new Set(['src/boot.ts', 'src/main.tsx', 'src/pwa/sw.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** Bare imports of a script, and statements at the top level that call something. */
function sideEffects(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const bare = /^import\s+['"]([^'"]+)['"]/.exec(line);
    if (bare && !bare[1]!.endsWith('.css')) return [`${i + 1}: ${line}`];
    return /^(?:void |await )?[A-Za-z_$][\w$.]*\s*\(/.test(line) ? [`${i + 1}: ${line}`] : [];
  });
}

describe('our modules do nothing by being imported', () => {
  it('the check sees a bare import and a top-level call, and not a declaration', () => {
    expect(sideEffects("import './register.ts';\nimport './styles.css';")).toEqual(["1: import './register.ts';"]);
    expect(sideEffects("addEventListener('x', f);\nconst a = f();\nexport function g() {\n  go();\n}")).toEqual([
      "1: addEventListener('x', f);",
    ]);
  });

  it('package.json marks only stylesheets as having side effects', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sideEffects).toEqual(['*.css']);
  });

  it('no module of ours but the entries and the worker does anything at import', () => {
    const found = sources(join(root, 'src'))
      .filter((f) => !ENTRIES.has(f) && !f.includes('.worker.'))
      .flatMap((f) => sideEffects(readFileSync(join(root, f), 'utf8')).map((line) => `${f}:${line}`));
    expect(found).toEqual([]);
  });
});
