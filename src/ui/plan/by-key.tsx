/**
 * A list keyed by id rather than by object: an edit replaces the entity
 * object, and a plain <For> would rebuild its row (losing focus mid-word).
 */
import { createMemo, For, type Accessor, type JSX } from 'solid-js';

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

export function ByKey<T>(props: {
  each: readonly T[];
  key: (item: T) => string;
  fallback?: JSX.Element;
  children: (item: Accessor<T>) => JSX.Element;
}) {
  const byKey = createMemo(() => new Map(props.each.map((t) => [props.key(t), t])));
  const keys = createMemo(() => props.each.map(props.key), [], { equals: sameKeys });
  return (
    <For each={keys()} fallback={props.fallback}>
      {(k) => {
        let last = byKey().get(k) as T;
        // A row being removed may read once more after its item is gone: it keeps the last value.
        const item = () => (last = byKey().get(k) ?? last);
        return props.children(item);
      }}
    </For>
  );
}

export const idOf = (x: { id: string }) => x.id;
