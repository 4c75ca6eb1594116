/**
 * Page models: browser tests talk to Rapport through what a person does
 * (`people.add({ name })`), so a test reads like a use and survives markup changes.
 *
 * Every model is named `…Model` (a place, a part of one, a dialog): most of them are not whole
 * pages, and `Page` is already Playwright's word for the browser tab each of them drives.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { CaptureModel, DuplicatesModel, InteractionLogModel, TodayModel } from './habits.ts';
import { ExporterModel, ImporterModel, MyCardModel } from './io.ts';
import { GiveAndTakeModel } from './give-and-take.ts';
import { MapModel, MapPictureModel } from './map.ts';
import { NavigationModel } from './navigation.ts';
import { PeopleModel, PersonModel, TrashModel } from './people.ts';
import { PlanModel } from './plan.ts';
import { FirstScreenModel, InstallModel, StorageModel, UpdatePromptModel } from './pwa.ts';
import { RemindersModel } from './reminders.ts';
import { StakeholdersModel } from './stakeholders.ts';
import { SyncModel } from './sync.ts';
import { WelcomeModel } from './welcome.ts';

/** Contexts already told to start past the first run (once per context is enough). */
const pastFirstRun = new WeakSet<BrowserContext>();

export class App {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /**
   * Tests about other places start past the first run (an empty space would
   * open on /welcome); the first-run test asks for it with `firstRun`.
   */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    path = '/',
    opts: { firstRun?: boolean } = {},
  ): Promise<App> {
    if (!opts.firstRun && !pastFirstRun.has(context)) {
      pastFirstRun.add(context);
      await context.addInitScript(() => localStorage.setItem('rapport.welcome', 'skipped'));
    }
    const page = await context.newPage();
    const app = new App(page, baseUrl);
    await app.goto(path);
    return app;
  }

  /**
   * Opens a tab at `path` and waits only for the picture painted before the app loads
   * (src/ui/painted-view.ts), for a context whose app code is held back.
   */
  static async openPainted(context: BrowserContext, baseUrl: string, path: string): Promise<App> {
    const app = new App(await context.newPage(), baseUrl);
    await app.page.goto(baseUrl + path, { waitUntil: 'commit' });
    await app.firstScreen.waitPainted();
    return app;
  }

  async goto(path: string): Promise<void> {
    // A person types an address only after the app says their edit is saved; a load that
    // starts sooner may cut off the IndexedDB write that is still in flight.
    if (this.page.url().startsWith(this.baseUrl)) await this.savedOnThisDevice();
    await this.page.goto(this.baseUrl + path);
    await this.navigation.waitShown();
  }

  /**
   * The person reloads the app (or closes and reopens it) once it says their edits are saved:
   * for what must outlive a load, never to get past a screen that did not update.
   */
  async reload(): Promise<void> {
    await this.savedOnThisDevice();
    await this.page.reload();
    await this.navigation.waitShown();
  }

  /** Closes the tab, with or without the page's own beforeunload handling. */
  async close(opts: { runBeforeUnload?: boolean } = {}): Promise<void> {
    await this.page.close(opts);
  }

  /** The address bar's path, e.g. `/people/abc123`. */
  path(): string {
    return new URL(this.page.url()).pathname;
  }

  /**
   * Moves within the app as one of its links does, without loading a page, and waits until the
   * new screen (or the one it redirects to) has painted a heading.
   */
  async followInApp(path: string): Promise<void> {
    await this.page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await this.page.waitForFunction(() => document.querySelector('main h1') !== null);
  }

  /** Waits until the place's heading (h1) shows, by name or whichever it is; returns its words. */
  async waitForHeading(name?: string | RegExp): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1, ...(name === undefined ? {} : { name }) }).first();
    await heading.waitFor();
    return ((await heading.textContent()) ?? '').trim();
  }

  /** Whether these words are anywhere on screen now. */
  async shows(text: string | RegExp): Promise<boolean> {
    return (await this.page.getByText(text).count()) > 0;
  }

  async waitForText(text: string | RegExp): Promise<void> {
    await this.page.getByText(text).first().waitFor();
  }

  /** The window changes size (another device, or the on-screen keyboard taking half of it). */
  async resize(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(size);
  }

  /** The system's light or dark scheme, with reduced motion. */
  async prefer(colorScheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  }

  /** How wide the page is laid out; wider than the window means it scrolls sideways. */
  async pageWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  /** How far the page itself (not a list inside it) scrolls down. */
  async pageScrollsBy(): Promise<number> {
    return this.page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
  }

  /** The top bar's height, and by how much its content is wider than it (≤ 0: it fits on one line). */
  async topBar(): Promise<{ height: number; overflow: number }> {
    return this.page
      .locator('.topbar')
      .evaluate((el) => ({ height: el.getBoundingClientRect().height, overflow: el.scrollWidth - el.clientWidth }));
  }

  /** Waits until the service worker has the app cached and controls this page, so it loads offline. */
  async offlineReady(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // A first visit's page is not controlled by the worker it installed until it loads again.
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
      await this.navigation.waitShown();
    }
  }

  private get saveState() {
    return this.page.getByTestId('save-state');
  }

  /** Waits until every edit shown is in IndexedDB. */
  async savedOnThisDevice(): Promise<void> {
    await this.saveState.filter({ hasText: 'Saved on this device' }).waitFor();
  }

  /** Whether the top bar says "Saved on this device" right now. */
  async saysSavedOnThisDevice(): Promise<boolean> {
    return ((await this.saveState.textContent()) ?? '').includes('Saved on this device');
  }

  /** Waits until the top bar says "Not saved", and returns what it says when pointed at. */
  async notSaved(): Promise<string> {
    const pill = this.saveState.filter({ hasText: 'Not saved' });
    await pill.waitFor();
    return (await pill.getAttribute('title')) ?? '';
  }

  /** Follows the "Not saved" pill to the advice about it. */
  async openNotSaved(): Promise<void> {
    await this.saveState.filter({ hasText: 'Not saved' }).click();
  }

  get firstScreen() {
    return new FirstScreenModel(this.page);
  }
  get navigation() {
    return new NavigationModel(this.page);
  }
  get people() {
    return new PeopleModel(this);
  }
  get plan() {
    return new PlanModel(this);
  }
  get stakeholders() {
    return new StakeholdersModel(this);
  }
  get welcome() {
    return new WelcomeModel(this);
  }
  get giveAndTake() {
    return new GiveAndTakeModel(this);
  }
  get communities() {
    return new MapModel(this);
  }
  get mapPicture() {
    return new MapPictureModel(this);
  }
  get person() {
    return new PersonModel(this);
  }
  get trash() {
    return new TrashModel(this);
  }
  get sync() {
    return new SyncModel(this);
  }
  get reminders() {
    return new RemindersModel(this);
  }
  get storage() {
    return new StorageModel(this.page);
  }
  get install() {
    return new InstallModel(this.page);
  }
  get updatePrompt() {
    return new UpdatePromptModel(this.page);
  }
  get interactions() {
    return new InteractionLogModel(this);
  }
  get capture() {
    return new CaptureModel(this);
  }
  get today() {
    return new TodayModel(this);
  }
  get duplicates() {
    return new DuplicatesModel(this);
  }
  get importer() {
    return new ImporterModel(this);
  }
  get exporter() {
    return new ExporterModel(this);
  }
  get myCard() {
    return new MyCardModel(this);
  }
}
