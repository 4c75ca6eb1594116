/**
 * Settings sections for bringing a network in and taking it out, and the link
 * to the user's own card. Mounted by pages/settings.tsx.
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { createMe } from '../space.tsx';

export { ImportPanel as ImportSection } from './import-panel.tsx';
export { ExportPanel as ExportSection } from './export-panel.tsx';

export function MyCardLink() {
  const me = createMe();
  return (
    <section class="card" id="my-card" aria-labelledby="my-card-title">
      <h2 class="mt-0" id="my-card-title">
        My card
      </h2>
      <p>
        <Show
          when={me()?.name}
          fallback="What you hand over at an event: your name, what you do and how to reach you, as a QR code or a .vcf file."
        >
          {(name) => <>Your card as {name()}: show it as a QR code, share it or send it as a .vcf file.</>}
        </Show>
      </p>
      <A class="button primary" href="/card">
        Open my card
      </A>
    </section>
  );
}
