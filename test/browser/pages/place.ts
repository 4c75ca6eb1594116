/** What every place's model starts from: the app, and the browser tab it runs in. */
import type { Page } from 'playwright-core';
import type { App } from './app.ts';

export abstract class Place {
  constructor(protected readonly app: App) {}
  protected get page(): Page {
    return this.app.page;
  }
}
