/**
 * A labelled group of check boxes, one per item: which communities a person is
 * in, which objectives they could help with, which communities an offer is for.
 */
import { For, Show, type JSX } from 'solid-js';

export function CheckList<T extends { id: string }>(props: {
  legend: string;
  items: readonly T[];
  isChecked: (item: T) => boolean;
  onToggle: (item: T, checked: boolean) => void;
  label: (item: T) => JSX.Element;
  empty: string;
}) {
  return (
    <fieldset class="checks">
      <legend>{props.legend}</legend>
      <Show when={props.items.length} fallback={<p class="muted small">{props.empty}</p>}>
        <For each={props.items}>
          {(item) => (
            <label class="check">
              <input
                type="checkbox"
                checked={props.isChecked(item)}
                onChange={(e) => props.onToggle(item, e.currentTarget.checked)}
              />
              <span class="wrap">{props.label(item)}</span>
            </label>
          )}
        </For>
      </Show>
    </fieldset>
  );
}
