/**
 * Page models for the Map: its communities (add one, list them) and its picture (focus someone,
 * read who it is).
 */
import type { Page } from 'playwright-core';
import type { App } from './app.ts';
import { Place } from './place.ts';

export class MapModel extends Place {
  async open(): Promise<void> {
    await this.app.goto('/map');
    await this.page.getByRole('heading', { name: 'Map', level: 1 }).waitFor();
  }

  async add(c: { name: string; kind?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a community' });
    await form.getByLabel('Community name').fill(c.name);
    if (c.kind) await form.getByLabel('Kind').selectOption({ label: c.kind });
    await form.getByRole('button', { name: 'Add community' }).click();
    await this.page.getByTestId('community').filter({ hasText: c.name }).waitFor();
  }

  async names(): Promise<string[]> {
    return this.page.getByTestId('community').locator('.community-name').allTextContents();
  }

  /** Moves the picture with the keyboard (arrow keys pan, + and − zoom) and returns where its one <g> went. */
  async panByKeyboard(keys: string[]): Promise<string | null> {
    const picture = this.page.getByTestId('network-picture');
    await picture.focus();
    for (const key of keys) await this.page.keyboard.press(key);
    return picture.locator('g.viewport').getAttribute('transform');
  }

  async communityCircles(): Promise<number> {
    return this.page.getByTestId('network-picture').locator('g.community').count();
  }
}

export class MapPictureModel {
  constructor(private readonly app: App) {}
  private get page(): Page {
    return this.app.page;
  }
  private get picture() {
    return this.page.getByTestId('network-picture');
  }

  async open(): Promise<void> {
    await this.app.goto('/map');
    await this.picture.waitFor();
  }

  /** 'people' when each person is drawn, 'groups' when the picture summarises. */
  async mode(): Promise<string | null> {
    return this.picture.getAttribute('data-mode');
  }

  /** The accessible names of the people in the picture. */
  async peopleNames(): Promise<string[]> {
    return this.picture
      .getByTestId('map-person')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  async groupNames(): Promise<string[]> {
    return this.picture
      .getByTestId('map-cluster')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** Moves keyboard focus from the picture through its marks until the one named `name` has it. */
  async tabTo(name: string): Promise<void> {
    await this.picture.focus();
    for (let i = 0; i < 50; i++) {
      await this.page.keyboard.press('Tab');
      const label = await this.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      if (label.startsWith(name)) return;
    }
    throw new Error(`Tab never reached ${name} in the picture`);
  }

  /** What the picture shows beside the focused, hovered or tapped mark ('' when nothing). */
  async shownFor(): Promise<string> {
    const callout = this.picture.getByTestId('map-callout');
    if (!(await callout.count())) return '';
    return (await callout.locator('text').allTextContents()).join(' / ');
  }

  /** Names written in the picture without anything focused. */
  async labels(): Promise<string[]> {
    return this.picture
      .locator('g.labels text')
      .evaluateAll((els) => els.map((e) => [...e.querySelectorAll('tspan')].map((t) => t.textContent).join(' ')));
  }

  /** Clicks the Map's heading, outside the picture: focus leaves the picture. */
  async clickOutside(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Map', level: 1 }).click();
  }

  /** Waits for a heading of the list beside the picture ("Not in a community yet — 1"). */
  async waitForListHeading(name: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { name }).waitFor();
  }

  async tapOn(name: string): Promise<void> {
    const mark = this.picture.locator(`[aria-label^="${name}"]`).first();
    const box = await mark.boundingBox();
    if (!box) throw new Error(`${name} is not in the picture`);
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  }
}
