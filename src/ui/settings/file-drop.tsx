/**
 * A labelled file input that also takes a file dropped on it. Used by Import and
 * Restore; the size limit is the caller's to check (it is the first thing it does).
 *
 * The input stays a real file input (keyboard, screen readers, the phone's own
 * picker) but is drawn as one of the app's buttons; the file chosen is named
 * beside it, since the input itself is cleared so the same file can be chosen again.
 */
import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';

export function FileDrop(props: {
  label: string;
  accept: string;
  hint: JSX.Element;
  disabled?: boolean;
  onFile: (file: File) => void;
  /** The file being read or previewed, named while it is. */
  chosen?: string | null;
  testId?: string;
}) {
  const id = createUniqueId();
  const [over, setOver] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const take = (file: File | undefined) => {
    if (file) props.onFile(file);
    // Clear the input so choosing the same file again starts again.
    if (input) input.value = '';
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone around the labelled file input, which is the control
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
      <div class="file-pick">
        <input
          ref={input}
          id={id}
          class="file-input"
          type="file"
          accept={props.accept}
          disabled={props.disabled}
          aria-describedby={`${id}-chosen ${id}-hint`}
          onChange={(e) => take(e.currentTarget.files?.[0])}
        />
        <label for={id} class="button file-button" data-disabled={props.disabled ? '' : undefined}>
          {props.label}
        </label>
        <span class="small wrap" id={`${id}-chosen`} data-testid={props.testId ? `${props.testId}-chosen` : undefined}>
          <Show when={props.chosen} fallback={<span class="muted">No file chosen</span>}>
            {(name) => (
              <>
                Chosen: <strong>{name()}</strong>
              </>
            )}
          </Show>
        </span>
      </div>
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
