/** Settings: sync, devices, reminders, import and export, storage — status first, then actions. */
import { A } from '@solidjs/router';
import { StoragePanel } from '../components/storage-panel.tsx';
import { DataHealth } from '../settings/data-health.tsx';
import { RemindersPanel } from '../settings/reminders-panel.tsx';
import { SyncPanel } from '../settings/sync-panel.tsx';
import { ExportSection, ImportSection, MyCardLink } from '../settings/import-export.tsx';

export default function Settings() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <SyncPanel />
      <RemindersPanel />
      <ImportSection />
      <ExportSection />
      <MyCardLink />
      <StoragePanel />
      <DataHealth />
      <p>
        <A class="control-link" href="/trash">
          Trash
        </A>
      </p>
    </section>
  );
}
