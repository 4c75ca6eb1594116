import { Show } from 'solid-js';

/** Shown on an entity's own page while it is in the Trash, with the way back. */
export function TrashedBanner(props: { trashed: boolean; noun: string; onRestore: () => void }) {
  return (
    <Show when={props.trashed}>
      <div class="card row spread" role="status">
        <span>This {props.noun} is in the Trash.</span>
        <button type="button" onClick={() => props.onRestore()}>
          Restore
        </button>
      </div>
    </Show>
  );
}
