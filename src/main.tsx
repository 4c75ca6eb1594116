import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { openSpace } from './sync/space.ts';
import { App } from './ui/app.tsx';
import { SpaceProvider } from './ui/space.tsx';
import type { SaveState } from './sync/local.ts';
import './ui/styles.css';

async function start() {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element.');
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const space = await openSpace({ onSaveState: setSaveState });
  render(() => (
    <SpaceProvider space={{ doc: space.doc, schema: space.schema, saveState }}>
      <App />
    </SpaceProvider>
  ), root);
}

/**
 * Most fields commit on every keystroke, but list fields (emails, phones, tags)
 * hold what is typed until Enter or blur. Leaving the page blurs the focused
 * field so that text still reaches the document, and so IndexedDB, before the
 * page goes away.
 */
function commitFocusedFieldOnLeave() {
  const commit = () => (document.activeElement as HTMLElement | null)?.blur?.();
  window.addEventListener('pagehide', commit);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') commit();
  });
}

commitFocusedFieldOnLeave();
void start();
