/** Edit my own card in place; every field commits as it is typed, through updateMe. */
import type { Me } from '../../model/index.ts';
import { ListField, TextField } from '../components/fields.tsx';
import { useWrites } from '../writes.ts';

export function CardEditor(props: { me: Me }) {
  const commit = useWrites().meField;
  return (
    <section class="card" aria-labelledby="card-edit-title">
      <h2 class="mt-0" id="card-edit-title">
        What my card says
      </h2>
      <TextField label="Name" value={props.me.name} onCommit={commit('name')} autocomplete="name" />
      <div class="grid-2">
        <TextField label="Role" value={props.me.role} onCommit={commit('role')} autocomplete="organization-title" />
        <TextField
          label="Organisation"
          value={props.me.organisation}
          onCommit={commit('organisation')}
          autocomplete="organization"
        />
      </div>
      <ListField label="Emails" itemLabel="email" type="email" values={props.me.emails} onCommit={commit('emails')} />
      <ListField label="Phones" itemLabel="phone" type="tel" values={props.me.phones} onCommit={commit('phones')} />
      <div class="grid-2">
        <TextField
          label="LinkedIn"
          type="url"
          value={props.me.linkedin}
          onCommit={commit('linkedin')}
          placeholder="linkedin.com/in/…"
        />
        <TextField label="Website" type="url" value={props.me.website} onCommit={commit('website')} />
      </div>
      <TextField label="Location" value={props.me.location} onCommit={commit('location')} />
      <TextField
        label="What I do"
        value={props.me.headline}
        onCommit={commit('headline')}
        multiline
        hint="One or two sentences: what you work on and what you could help with."
      />
    </section>
  );
}
