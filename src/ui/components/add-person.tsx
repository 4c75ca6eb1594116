/** The short form for a new person: a name, and optionally where they work. */
import { createSignal, Show } from 'solid-js';
import type { ContactId } from '../../model/index.ts';
import { useWrites } from '../writes.ts';

export function AddPersonForm(props: { onAdded: (id: ContactId) => void; onCancel: () => void }) {
  const write = useWrites();
  const [name, setName] = createSignal('');
  const [organisation, setOrganisation] = createSignal('');
  const [role, setRole] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const r = write.add('contacts', { name: name(), organisation: organisation(), role: role() });
    if (!r.ok) return setError(r.problem);
    props.onAdded(r.value.id);
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-person-title">
      <h2 class="mt-0" id="add-person-title">
        Add a person
      </h2>
      <div class="field" data-invalid={error() ? '' : undefined}>
        <label for="new-name">Name</label>
        <input
          id="new-name"
          name="name"
          autocomplete="off"
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          ref={(el) => queueMicrotask(() => el.focus())}
          aria-describedby={error() ? 'new-name-error' : undefined}
        />
        <Show when={error()}>
          <p class="error" id="new-name-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
      <div class="grid-2">
        <div class="field">
          <label for="new-org">Organisation</label>
          <input
            id="new-org"
            name="organisation"
            autocomplete="off"
            value={organisation()}
            onInput={(e) => setOrganisation(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-role">Role</label>
          <input
            id="new-role"
            name="role"
            autocomplete="off"
            value={role()}
            onInput={(e) => setRole(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="row">
        <button type="submit" class="primary">
          Add person
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
