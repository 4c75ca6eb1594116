/** Puts a whole document into the app's IndexedDB, in y-indexeddb's own format, as if it had been edited there. */
import type { Page } from 'playwright-core';

export async function seedIndexedDb(page: Page, update: Uint8Array): Promise<void> {
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('rapport-space');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').clear();
      tx.objectStore('updates').add(bytes);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, Buffer.from(update).toString('base64'));
}
