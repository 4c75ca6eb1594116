/**
 * A value that changes over time, with listeners: the pwa layer's only way to
 * tell the UI what happened, so it needs no UI framework (ui/ turns it into a signal).
 */
export interface Observable<T> {
  get(): T;
  set(value: T): void;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
}

export function makeObservable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
