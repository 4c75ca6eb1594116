/** One line to add a titled thing with a kind: an objective, an offer, an action. */
import { createSignal, createUniqueId, For, Show } from 'solid-js';

export function AddTitled<K extends string>(props: {
  /** "Add an objective" */
  legend: string;
  titleLabel: string;
  placeholder?: string;
  kinds?: { value: K; label: string }[];
  kindLabel?: string;
  defaultKind?: K;
  submitLabel: string;
  /** Returns an error sentence, or null when added. */
  onAdd: (title: string, kind: K | undefined) => string | null;
}) {
  const id = createUniqueId();
  const [title, setTitle] = createSignal('');
  const [kind, setKind] = createSignal<K | undefined>(props.defaultKind);
  const [error, setError] = createSignal<string | null>(null);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const problem = props.onAdd(title(), kind());
    setError(problem);
    if (!problem) setTitle('');
  };
  return (
    <form class="add-titled" onSubmit={submit} aria-label={props.legend} data-adds-typed="">
      <div class="field" data-invalid={error() ? '' : undefined}>
        <label for={`${id}-t`}>{props.titleLabel}</label>
        <input
          id={`${id}-t`}
          autocomplete="off"
          value={title()}
          placeholder={props.placeholder}
          onInput={(e) => setTitle(e.currentTarget.value)}
          aria-invalid={!!error()}
          aria-describedby={error() ? `${id}-e` : undefined}
        />
        <Show when={error()}>
          <p class="error" id={`${id}-e`} role="alert">
            {error()}
          </p>
        </Show>
      </div>
      <div class="row add-titled-row">
        <Show when={props.kinds}>
          {(kinds) => (
            <div class="field">
              <label for={`${id}-k`}>{props.kindLabel ?? 'Kind'}</label>
              <select id={`${id}-k`} value={kind() ?? ''} onChange={(e) => setKind(() => e.currentTarget.value as K)}>
                <For each={kinds()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
              </select>
            </div>
          )}
        </Show>
        <button type="submit" class="primary">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
