/**
 * A row's secondary actions behind one button, so each list row has one primary action.
 * A disclosure menu: Enter or Space opens it and moves focus to the first action, Escape
 * closes it and gives focus back, and it closes when focus leaves it.
 */
import { createSignal, For, Show } from 'solid-js';

export interface RowAction {
  label: string;
  /** Read by assistive technology instead of `label` where the label alone would be ambiguous. */
  ariaLabel?: string;
  run: () => void;
}

/** `text`: a word on the button instead of ⋯ (its label then says the rest). */
export function RowMenu(props: { label: string; actions: readonly RowAction[]; text?: string }) {
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  let menu: HTMLDivElement | undefined;
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving close the menu its button opened
    <div
      class="row-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open()) {
          e.stopPropagation();
          close(true);
        }
      }}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (open() && (next === null || !e.currentTarget.contains(next))) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class={props.text ? undefined : 'row-menu-button'}
        aria-label={props.label}
        aria-expanded={open()}
        onClick={() => {
          setOpen(!open());
          if (open()) queueMicrotask(() => menu?.querySelector('button')?.focus());
        }}
      >
        <span aria-hidden="true">{props.text ?? '⋯'}</span>
      </button>
      <Show when={open()}>
        <div class="row-menu-list" ref={menu}>
          <For each={props.actions}>
            {(a) => (
              <button
                type="button"
                aria-label={a.ariaLabel}
                onClick={() => {
                  close(false);
                  a.run();
                }}
              >
                {a.label}
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}
