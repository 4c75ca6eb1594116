/** Settings: sync, devices, import and export, storage — status first, then actions. */
import { A } from '@solidjs/router';
import { SyncPanel } from '../settings/sync-panel.tsx';

export default function Settings() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <SyncPanel />
      <p>
        <A href="/trash">Trash</A>
      </p>
    </section>
  );
}
