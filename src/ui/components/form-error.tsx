import { Show } from 'solid-js';

/** Why a form could not be saved, announced as it appears. Nothing shows while there is no problem. */
export function FormError(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
