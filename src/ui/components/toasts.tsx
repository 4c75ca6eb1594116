/**
 * Short messages with an optional action (usually Undo): undo over confirm.
 * A polite live region, so screen readers hear them without losing focus.
 */
import { createSignal, For } from 'solid-js';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

export function showToast(message: string, action?: Toast['action'], ms = action ? 8000 : 5000): void {
  const id = nextId++;
  setToasts((all) => [...all.slice(-1), { id, message, action }]);
  setTimeout(() => dismiss(id), ms);
}

function dismiss(id: number) {
  setToasts((all) => all.filter((t) => t.id !== id));
}

export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite">
      <For each={toasts()}>
        {(t) => (
          <div class="toast">
            <p>{t.message}</p>
            {t.action && (
              <button
                type="button"
                onClick={() => {
                  t.action?.run();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
