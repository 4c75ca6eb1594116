/**
 * Browser tests talk to the app through page models (docs/ARCHITECTURE.md, habit 8): a test file
 * never uses the Playwright page itself, and every model in test/browser/pages is a `…Model`.
 * What is not on screen (storage, requests, the service worker) goes through a named helper in
 * test/browser/support/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A use of the page (`page.x`, `app.page.x`, `app.page` handed on), or a locator query made in a test. */
const DIRECT =
  /\bpage\.\w+|\.page\b(?!\.)|(?<!\bpage)\.(getBy\w+|locator|evaluate\w*|waitForFunction|waitForSelector)\(/g;

function directUses(text: string): string[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(DIRECT)].map((m) => `${i + 1}: ${m[0]}`));
}

const testFiles = [
  ...readdirSync(join(root, 'test/browser'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/browser/${f}`),
  'test/chaos/browsers.test.ts',
];

describe('browser tests go through page models', () => {
  it('the check sees the ways a test can reach past a model, and not a model call', () => {
    expect(directUses("await app.page.getByRole('button').click();")).toEqual(['1: page.getByRole']);
    expect(directUses("await dialog.getByLabel('Notes').fill('x');")).toEqual(['1: .getByLabel(']);
    expect(directUses('await seedIndexedDb(app.page, update);')).toEqual(['1: .page']);
    expect(directUses('await phone.page.reload();')).toEqual(['1: page.reload']);
    expect(directUses("await app.people.add({ name: 'Ana' });\nawait app.reload();")).toEqual([]);
  });

  it.each(testFiles)('%s uses no page directly', (file) => {
    expect(directUses(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('every page model is named …Model', () => {
    const dir = join(root, 'test/browser/pages');
    const classes = readdirSync(dir).flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/^export class (\w+)/gm)].map((m) => m[1]!),
    );
    expect(classes.length).toBeGreaterThan(10);
    expect(classes.filter((c) => c !== 'App' && !c.endsWith('Model'))).toEqual([]);
  });
});
