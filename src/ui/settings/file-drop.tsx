/**
 * A labelled file input that also takes a file dropped on it. Used by Import and
 * Restore; the size limit is the caller's to check (it is the first thing it does).
 */
import { createSignal, createUniqueId, type JSX } from 'solid-js';

export function FileDrop(props: { label: string; accept: string; hint: JSX.Element; disabled?: boolean; onFile: (file: File) => void; testId?: string }) {
  const id = createUniqueId();
  const [over, setOver] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const take = (file: File | undefined) => {
    if (file) props.onFile(file);
    // Clear the input so choosing the same file again starts again.
    if (input) input.value = '';
  };
  return (
    <div
      class="file-drop"
      data-over={over() ? '' : undefined}
      data-testid={props.testId}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!props.disabled) take(e.dataTransfer?.files[0]);
      }}
    >
      <label for={id}>{props.label}</label>
      <input ref={input} id={id} type="file" accept={props.accept} disabled={props.disabled} aria-describedby={`${id}-hint`} onChange={(e) => take(e.currentTarget.files?.[0])} />
      <p class="muted small" id={`${id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

/**
 * Settings is loaded lazily, so a link to /settings#import arrives before the
 * section exists and the router cannot scroll to it: the section does, once mounted.
 */
export function scrollToOwnHash(id: string): void {
  if (location.hash !== `#${id}`) return;
  requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: 'start' }));
}
