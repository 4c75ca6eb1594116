/** Whether something is on screen without scrolling: inside the window, top and bottom. */
import type { Locator, Page } from 'playwright-core';

export async function inView(page: Page, thing: Locator): Promise<boolean> {
  const box = await thing.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}
