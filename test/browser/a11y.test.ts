/**
 * Accessible on every screen: axe-core finds nothing on any place, on a phone
 * (360 × 740) and a laptop (1280 × 800), light and dark, with an empty space and
 * with a few people (one with a 60-character name); no sideways scrolling at
 * 360 px; the main navigation works with a keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { App } from './pages/app.ts';
import { axeFindings } from './support/inspect.ts';
import { useAppSession } from './support/session.ts';
import { watchCsp, type CspWatch } from './support/pwa.ts';

const LONG_NAME = 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt Ogunbiy'; // 60 characters
const ROUTES = [
  '/',
  '/people',
  '/people/:id',
  '/people/duplicates',
  '/plan',
  '/map',
  '/stakeholders',
  '/give-and-take',
  '/welcome',
  '/capture',
  '/card',
  '/settings',
  '/pair',
  '/trash',
  '/no-such-place',
];
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

const session = useAppSession();

interface Finding {
  where: string;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

async function openDevice(
  populated: boolean,
): Promise<{ context: BrowserContext; app: App; personPath: string; csp: CspWatch }> {
  const context = await session.browser.newContext();
  const csp = await watchCsp(context);
  const app = await App.open(context, session.server.url);
  let personPath = '/people/no-such-person';
  if (populated) {
    await app.people.add({ name: 'Ana Lima', organisation: 'Acme Robotics', role: 'CTO' });
    await app.people.add({ name: 'Bo Chen' });
    await app.people.add({
      name: LONG_NAME,
      organisation: 'Vandelay Imports and Exports International',
      role: 'Head of Platform Engineering',
    });
    personPath = app.path();
    await app.savedOnThisDevice();
  }
  return { context, app, personPath, csp };
}

/** Loads every page's code once, so moving between places later renders at once. */
async function warmUp(app: App, personPath: string): Promise<void> {
  for (const route of ROUTES) {
    await app.goto(route === '/people/:id' ? personPath : route);
    await app.waitForHeading();
  }
}

/** One line per rule and element, with where it was seen. */
function summarise(findings: Finding[]): string {
  const byIssue = new Map<string, string[]>();
  for (const f of findings)
    for (const t of f.targets)
      byIssue.set(`${f.rule} (${f.impact}) ${t}`, [...(byIssue.get(`${f.rule} (${f.impact}) ${t}`) ?? []), f.where]);
  return [...byIssue].map(([issue, wheres]) => `${issue}: ${wheres.length}× e.g. ${wheres[0]}`).join('\n');
}

/** Every place, at every size and scheme: axe findings and sideways overflow at phone width. */
async function auditAll(
  populated: boolean,
): Promise<{ findings: Finding[]; overflow: string[]; violations: string[] }> {
  const { context, app, personPath, csp } = await openDevice(populated);
  await warmUp(app, personPath);
  const findings: Finding[] = [];
  const overflow: string[] = [];
  for (const viewport of VIEWPORTS) {
    await app.resize(viewport);
    for (const colorScheme of SCHEMES) {
      await app.prefer(colorScheme);
      for (const route of ROUTES) {
        const path = route === '/people/:id' ? personPath : route;
        // Within the app, as a link moves (no reload: the audit is about screens, not loading). Pages are
        // already loaded (see warmUp): the new screen, or the one it redirects to, renders within a frame.
        await app.followInApp(path);
        const shownAt = app.path();
        const where = `${path}${shownAt === path ? '' : ` (shown at ${shownAt})`} at ${viewport.width}px, ${colorScheme}, ${populated ? 'a few people' : 'empty'}`;
        for (const f of await axeFindings(app)) findings.push({ where, ...f });
        if (viewport.width === 360) {
          const width = await app.pageWidth();
          if (width > 360) overflow.push(`${where}: ${width}px wide`);
        }
      }
    }
  }
  await context.close();
  return { findings, overflow, violations: csp.violations };
}

describe('Accessibility', () => {
  it('axe-core finds no violation on any place, at 360 and 1280 px, light and dark, empty and with people; nothing scrolls sideways at 360 px', async () => {
    const [empty, populated] = await Promise.all([auditAll(false), auditAll(true)]);
    const findings = [...empty.findings, ...populated.findings];
    expect(findings.length, summarise(findings)).toBe(0);
    expect([...empty.overflow, ...populated.overflow]).toEqual([]);
    expect([...empty.violations, ...populated.violations]).toEqual([]);
    // Only a hang catcher: the audit of every place took 160–200 s on two busy cores, and once 300.
  }, 900_000);

  it('the main navigation is reachable and usable with the keyboard alone, on a phone and a laptop', async () => {
    const context = await session.browser.newContext();
    const csp = await watchCsp(context);
    const app = await App.open(context, session.server.url);
    await app.resize(VIEWPORTS[0]);
    expect(await app.navigation.tabThrough()).toEqual(['Today', 'People', 'Capture', 'Plan', 'Map']);
    await app.resize(VIEWPORTS[1]);
    await app.goto('/'); // Tab starts from the top again
    expect(await app.navigation.tabThrough()).toEqual(['Today', 'People', 'Capture', 'Plan', 'Map', 'Settings']);
    await app.navigation.goWithKeyboard('People');
    await app.waitForHeading('People');
    expect(await app.navigation.isCurrent('People')).toBe(true);
    await context.close();
    expect(csp.violations).toEqual([]);
  });
});
