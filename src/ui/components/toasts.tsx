/**
 * Short messages with an optional action (usually Undo): undo over confirm.
 * One at a time: a new one replaces the last. Each goes after a few seconds, or at the
 * person's next action (a tap or click elsewhere, a form sent), when its Undo would be
 * about something they have moved on from. A polite live region, so screen readers hear
 * them without losing focus.
 */
import { createSignal, For, onCleanup, onMount } from 'solid-js';

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

/** Shows a toast; its id lets the caller take it away when its action no longer applies. */
export function showToast(message: string, action?: Toast['action'], ms = action ? 8000 : 5000): number {
  const id = nextId++;
  setToasts([{ id, message, action }]);
  setTimeout(() => dismissToast(id), ms);
  return id;
}

export function dismissToast(id: number) {
  setToasts((all) => all.filter((t) => t.id !== id));
}

/** Dismisses what is showing at the next action outside it; a toast shown by this same action stays. */
function dismissAtNextAction(region: () => HTMLElement | undefined) {
  const onAction = (e: Event) => {
    const target = e.target as Node | null;
    if (target && region()?.contains(target)) return;
    const showing = toasts();
    if (showing.length === 0) return;
    // A toast raised by this very action (its handler runs after this capture-phase one) is not among these.
    queueMicrotask(() => setToasts((all) => all.filter((t) => !showing.includes(t))));
  };
  onMount(() => {
    document.addEventListener('pointerdown', onAction, true);
    document.addEventListener('submit', onAction, true);
  });
  onCleanup(() => {
    document.removeEventListener('pointerdown', onAction, true);
    document.removeEventListener('submit', onAction, true);
  });
}

export function Toasts() {
  let region: HTMLDivElement | undefined;
  dismissAtNextAction(() => region);
  return (
    <div class="toasts" role="status" aria-live="polite" ref={region}>
      <For each={toasts()}>
        {(t) => (
          <div class="toast">
            <p>{t.message}</p>
            {t.action && (
              <button
                type="button"
                onClick={() => {
                  t.action?.run();
                  dismissToast(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
