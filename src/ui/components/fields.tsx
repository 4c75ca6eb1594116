/**
 * Edit-in-place fields. Each commits as the user types (so nothing waits for a
 * blur that may never come before the tab closes) unless its value is invalid,
 * in which case the error shows beside it and the stored value stays.
 */
import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';

/** What a commit returns: null when stored, or the sentence saying why not. */
export type Commit<T> = (value: T) => string | null;

interface BaseProps {
  label: string;
  hint?: string;
}

function Wrapper(props: BaseProps & { id: string; error: string | null; children: JSX.Element }) {
  return (
    <div class="field" data-invalid={props.error ? '' : undefined}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      <Show when={props.hint && !props.error}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onCommit: Commit<string>;
    multiline?: boolean;
    type?: 'text' | 'email' | 'tel' | 'url' | 'search';
    placeholder?: string;
    autocomplete?: string;
    name?: string;
  },
) {
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  const commit = (value: string) => setError(props.onCommit(value));
  const describedBy = () => (error() ? `${id}-error` : props.hint ? `${id}-hint` : undefined);
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error()}>
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          value={props.value}
          placeholder={props.placeholder}
          aria-invalid={!!error()}
          aria-describedby={describedBy()}
          onInput={(e) => commit(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          placeholder={props.placeholder}
          autocomplete={props.autocomplete ?? 'off'}
          aria-invalid={!!error()}
          aria-describedby={describedBy()}
          onInput={(e) => commit(e.currentTarget.value)}
        />
      )}
    </Wrapper>
  );
}

export function DateField(props: BaseProps & { value: string | null; onCommit: Commit<string | null> }) {
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error()}>
      <input
        id={id}
        type="date"
        value={props.value ?? ''}
        aria-invalid={!!error()}
        onChange={(e) => setError(props.onCommit(e.currentTarget.value || null))}
      />
    </Wrapper>
  );
}

export function NumberField(
  props: BaseProps & { value: number | null; min: number; max: number; onCommit: Commit<number | null> },
) {
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  const commit = (raw: string) => setError(raw.trim() === '' ? props.onCommit(null) : props.onCommit(Number(raw)));
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error()}>
      <input
        id={id}
        type="number"
        inputmode="numeric"
        min={props.min}
        max={props.max}
        value={props.value ?? ''}
        aria-invalid={!!error()}
        onInput={(e) => commit(e.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function SelectField<V extends string>(
  props: BaseProps & { value: V; options: readonly { value: V; label: string }[]; onCommit: Commit<V> },
) {
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error()}>
      <select id={id} value={props.value} onChange={(e) => setError(props.onCommit(e.currentTarget.value as V))}>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </Wrapper>
  );
}

/** A list of short values (emails, phones, tags): type one and press Enter or Add. */
export function ListField(
  props: BaseProps & {
    values: readonly string[];
    onCommit: Commit<string[]>;
    itemLabel: string;
    type?: 'text' | 'email' | 'tel';
    render?: (value: string) => JSX.Element;
    suggestions?: readonly string[];
  },
) {
  const id = createUniqueId();
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const add = () => {
    const value = draft().trim();
    if (!value) return;
    const problem = props.onCommit([...props.values, value]);
    setError(problem);
    if (!problem) setDraft('');
  };
  const listId = `${id}-suggestions`;
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error()}>
      <Show when={props.values.length}>
        <ul class="chips" aria-label={props.label}>
          <For each={props.values}>
            {(value) => (
              <li class="chip">
                <span>{props.render ? props.render(value) : value}</span>
                <button
                  type="button"
                  aria-label={`Remove ${props.itemLabel} ${value}`}
                  onClick={() => setError(props.onCommit(props.values.filter((v) => v !== value)))}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="row nowrap">
        <input
          id={id}
          type={props.type ?? 'text'}
          value={draft()}
          list={props.suggestions ? listId : undefined}
          placeholder={`Add ${props.itemLabel}`}
          aria-invalid={!!error()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
        <button type="button" onClick={add} aria-label={`Add ${props.itemLabel}`}>
          Add
        </button>
      </div>
      <Show when={props.suggestions}>
        <datalist id={listId}>
          <For each={props.suggestions}>{(s) => <option value={s} />}</For>
        </datalist>
      </Show>
    </Wrapper>
  );
}
