/**
 * The first script: paints the app's frame and the last screen the person saw
 * (src/ui/painted-view.ts) before anything else loads, then loads the document
 * (Yjs, y-indexeddb), the app and the page's code side by side, not one after
 * another. src/main.tsx takes over once the data is in.
 */
import './ui/styles.css';
import './ui/painted.css';
import { paintLastView } from './ui/painted-view.ts';
import { placeFor } from './ui/routes.ts';

const root = document.getElementById('app');
if (root) paintLastView(root, location.pathname);
performance.mark('rapport:painted');
const space = import('./open-space-early.ts');
void placeFor(location.pathname)
  ?.load()
  .catch(() => undefined); // the app reports a page that cannot load
void import('./main.tsx').then((app) => app.start(space));
