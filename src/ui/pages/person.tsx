/** Everything about one relationship, every field editable in place. */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  COMMUNITY_KIND_LABELS,
  httpsHref,
  mailtoHref,
  telHref,
  type Contact,
  type ContactId,
} from '../../model/index.ts';
import {
  addDays,
  makeIdResolver,
  personGlance,
  personSubtitle,
  planFollowUp,
  relativeDay,
} from '../../model/rules/index.ts';
import { createNow, TIME_ZONE, todayIso } from '../clock.ts';
import { AtAGlance, DetailsList, PersonChips, QuickActions } from '../person/summary.tsx';
import { applyFollowUpPlan } from '../../store/index.ts';
import { DateField, ListField, NumberField, SelectField, TextField } from '../components/fields.tsx';
import { LogInteraction } from '../components/log-interaction.tsx';
import { PersonPicker } from '../components/person-picker.tsx';
import { GiveAndTake } from '../person/give-take.tsx';
import { PersonIntroductions } from '../person/introductions.tsx';
import { toggled } from '../lists.ts';
import { Stake } from '../person/stake.tsx';
import { Timeline } from '../person/timeline.tsx';
import { PersonSuggestions, SuggestionsProvider } from '../components/suggestions.tsx';
import { Avatar } from '../components/person-row.tsx';
import { CheckList } from '../components/check-list.tsx';
import { showToast } from '../components/toasts.tsx';
import { TrashedBanner } from '../components/trashed-banner.tsx';
import { BackLink } from '../components/back-link.tsx';
import { createCollection, createLive, useSpace } from '../space.tsx';
import { useWrites } from '../writes.ts';

type Editable = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** A safe link, or plain text when the value cannot be one of tel:, mailto:, https:. */
function SafeLink(props: { href: string | null; text: string }) {
  return (
    <Show when={props.href} fallback={<span>{props.text}</span>}>
      {(href) => (
        <a href={href()} rel="noopener noreferrer" target={href().startsWith('https:') ? '_blank' : undefined}>
          {props.text}
        </a>
      )}
    </Show>
  );
}

export default function Person() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { doc } = useSpace();
  const write = useWrites();
  const contacts = createCollection('contacts');
  const communities = createLive('communities');
  const events = createLive('events');
  const objectives = createLive('objectives');
  const people = createLive('contacts');
  const [logging, setLogging] = createSignal(false);
  /** Details show as a list; editing them is one tap away, and nothing editable became less so. */
  const [editing, setEditing] = createSignal(false);
  const followUpIn = (days: number) => {
    const who = person();
    if (!who) return;
    const dueOn = addDays(todayIso(), days);
    const op = write.undoable((origin) =>
      applyFollowUpPlan(doc, who.id, planFollowUp(who, interactions(), dueOn), origin),
    );
    showToast(`Follow up with ${who.name} ${relativeDay(dueOn, todayIso())}.`, { label: 'Undo', run: () => op.undo() });
  };
  /** Back to the list of details, in view: the edit form was longer than it. */
  const stopEditing = () => {
    setEditing(false);
    document.getElementById('details-title')?.scrollIntoView({ block: 'start' });
  };
  const interactions = createLive('interactions');
  const now = createNow();
  const person = createMemo(() => contacts().byId.get(params.id) ?? null);
  const id = () => params.id as ContactId;
  const glance = createMemo(() => personGlance(id(), interactions(), now(), TIME_ZONE, makeIdResolver(people())));

  const commit = <K extends keyof Editable & string>(key: K) => write.field('contacts', id, key);

  const trash = () => {
    const name = person()?.name ?? 'This person';
    write.trash('contacts', id());
    showToast(`${name} moved to the Trash.`, { label: 'Undo', run: () => write.restore('contacts', id()) });
    navigate('/people');
  };

  return (
    <SuggestionsProvider>
      <Show
        when={person()}
        fallback={
          <div class="empty">
            <h1>Person not found</h1>
            <p>They may have been deleted on another device.</p>
            <A href="/people">Back to People</A>
          </div>
        }
      >
        {(p) => (
          <article aria-labelledby="person-name">
            <BackLink self={`/people/${id()}`} fallback="/people" />
            <TrashedBanner trashed={!!p().deletedAt} noun="person" onRestore={() => write.restore('contacts', id())} />
            <header class="row nowrap mb-m items-start">
              <Avatar name={p().name} />
              <div class="min-w-0">
                <h1 id="person-name" class="wrap m-0">
                  {p().name}
                </h1>
                <Show when={personSubtitle(p())}>
                  <p class="muted wrap m-0 mb-xs" data-testid="person-subtitle">
                    {personSubtitle(p())}
                  </p>
                </Show>
                <PersonChips person={p()} communities={communities()} />
              </div>
            </header>

            <QuickActions person={p()} onLog={() => setLogging(true)} onFollowUp={followUpIn} />
            <Show when={logging()}>
              <LogInteraction contactIds={[p().id]} names={p().name} onClose={() => setLogging(false)} />
            </Show>
            <AtAGlance
              glance={glance()}
              today={todayIso()}
              onFollowUpDone={(next) => write.update('interactions', next.interactionId, { followUpDone: true })}
            />

            <section class="card" aria-labelledby="history">
              <h2 id="history">Interactions</h2>
              <Timeline contactId={p().id} />
            </section>

            <Show when={objectives().length}>
              <section class="card" aria-labelledby="helps-title" data-testid="can-help-with">
                <h2 id="helps-title">Can help with</h2>
                <Show when={objectives().filter((o) => p().objectiveIds.includes(o.id))} keyed>
                  {(linked) => (
                    <Show
                      when={linked.length}
                      fallback={<p class="muted small">Not linked to any of your objectives yet.</p>}
                    >
                      <ul class="chips">
                        <For each={linked}>
                          {(o) => (
                            <li class="chip chip-plain">
                              <span>{o.title}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  )}
                </Show>
                <PersonSuggestions person={p()} />
              </section>
            </Show>

            <section class="card" aria-labelledby="details-title">
              <div class="row spread">
                <h2 class="m-0" id="details-title">
                  Details
                </h2>
                <button
                  type="button"
                  aria-expanded={editing()}
                  onClick={() => (editing() ? stopEditing() : setEditing(true))}
                >
                  {editing() ? 'Done editing' : 'Edit details'}
                </button>
              </div>
              <Show when={!editing()}>
                <DetailsList person={p()} events={events()} people={people()} />
              </Show>
            </section>

            <Show when={editing()}>
              <section class="card" aria-labelledby="basics">
                <h2 id="basics">Who they are</h2>
                <TextField label="Name" value={p().name} onCommit={commit('name')} autocomplete="off" />
                <div class="grid-2">
                  <TextField label="Role" value={p().role} onCommit={commit('role')} />
                  <TextField label="Organisation" value={p().organisation} onCommit={commit('organisation')} />
                  <TextField label="Department" value={p().department} onCommit={commit('department')} />
                  <TextField label="Location" value={p().location} onCommit={commit('location')} />
                </div>
                <TextField label="What they do" value={p().whatTheyDo} onCommit={commit('whatTheyDo')} multiline />
                <div class="grid-2">
                  <TextField label="Their interests" value={p().interests} onCommit={commit('interests')} multiline />
                  <TextField label="What they need" value={p().needs} onCommit={commit('needs')} multiline />
                </div>
              </section>

              <section class="card" aria-labelledby="reach">
                <h2 id="reach">How to reach them</h2>
                <ListField
                  label="Emails"
                  itemLabel="email"
                  type="email"
                  values={p().emails}
                  onCommit={commit('emails')}
                  render={(v) => <SafeLink href={mailtoHref(v)} text={v} />}
                />
                <ListField
                  label="Phones"
                  itemLabel="phone"
                  type="tel"
                  values={p().phones}
                  onCommit={commit('phones')}
                  render={(v) => <SafeLink href={telHref(v)} text={v} />}
                />
                <div class="grid-2">
                  <TextField
                    label="LinkedIn"
                    type="url"
                    value={p().linkedin}
                    onCommit={commit('linkedin')}
                    placeholder="linkedin.com/in/…"
                  />
                  <TextField label="Website" type="url" value={p().website} onCommit={commit('website')} />
                </div>
                <Show when={p().linkedin || p().website}>
                  <p class="row small">
                    <Show when={p().linkedin}>
                      <SafeLink href={httpsHref(p().linkedin)} text="Open LinkedIn profile" />
                    </Show>
                    <Show when={p().website}>
                      <SafeLink href={httpsHref(p().website)} text="Open website" />
                    </Show>
                  </p>
                </Show>
              </section>

              <section class="card" aria-labelledby="met">
                <h2 id="met">How we met</h2>
                <div class="grid-2">
                  <DateField label="Met on" value={p().metOn} onCommit={commit('metOn')} />
                  <Show when={p().connectedOn}>
                    <DateField label="Connected on LinkedIn" value={p().connectedOn} onCommit={commit('connectedOn')} />
                  </Show>
                  <TextField label="Where" value={p().metPlace} onCommit={commit('metPlace')} />
                  <SelectField
                    label="At the event"
                    value={p().metEventId ?? ''}
                    options={[
                      { value: '', label: 'No event' },
                      ...events().map((e) => ({ value: e.id as string, label: e.name })),
                    ]}
                    onCommit={(v) => commit('metEventId')(v === '' ? null : (v as Contact['metEventId']))}
                  />
                  <PersonPicker
                    label="Introduced by"
                    people={people()}
                    value={p().introducedById}
                    exclude={p().id}
                    onPick={(v) => void commit('introducedById')(v)}
                  />
                </div>
              </section>

              <section class="card" aria-labelledby="groups">
                <h2 id="groups">Communities and tags</h2>
                <CheckList
                  legend="Communities"
                  items={communities()}
                  isChecked={(c) => p().communityIds.includes(c.id)}
                  onToggle={(c, on) => commit('communityIds')(toggled(p().communityIds, c.id, on))}
                  label={(c) => (
                    <>
                      {c.name} <span class="muted small">({COMMUNITY_KIND_LABELS[c.kind]})</span>
                    </>
                  )}
                  empty="No communities yet. Add them on the Map."
                />
                <ListField label="Tags" itemLabel="tag" values={p().tags} onCommit={commit('tags')} />
                <CheckList
                  legend="Could help with"
                  items={objectives()}
                  isChecked={(o) => p().objectiveIds.includes(o.id)}
                  onToggle={(o, on) => commit('objectiveIds')(toggled(p().objectiveIds, o.id, on))}
                  label={(o) => o.title}
                  empty="No objectives yet. Write what you want from networking in Plan."
                />
              </section>

              <section class="card" aria-labelledby="keep">
                <h2 id="keep">Keeping in touch</h2>
                <div class="grid-2">
                  <NumberField
                    label="Keep in touch every (days)"
                    min={1}
                    max={3650}
                    value={p().cadenceDays}
                    onCommit={commit('cadenceDays')}
                    hint="Leave empty for no rhythm."
                  />
                  <DateField
                    label="Birthday"
                    value={p().birthday?.startsWith('--') ? null : p().birthday}
                    onCommit={commit('birthday')}
                  />
                </div>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={p().seenRegularly}
                    onChange={(e) => void commit('seenRegularly')(e.currentTarget.checked)}
                  />
                  <span>I see them regularly — no catch-up reminders (the rhythm is kept)</span>
                </label>
                <TextField label="Notes" value={p().notes} onCommit={commit('notes')} multiline />
              </section>
              <p>
                <button type="button" class="primary" onClick={stopEditing}>
                  Done editing
                </button>
              </p>
            </Show>

            <section class="card" aria-labelledby="introductions-title" id="introductions">
              <h2 id="introductions-title">Introductions</h2>
              <PersonIntroductions person={p()} />
            </section>

            <section class="card" aria-labelledby="give-take">
              <h2 id="give-take">Give and take</h2>
              <GiveAndTake person={p()} />
            </section>

            <section class="card" aria-labelledby="stake">
              <h2 id="stake">Stakeholder</h2>
              <Stake person={p()} />
            </section>

            <div class="row">
              <Show when={!p().deletedAt}>
                <button type="button" class="danger" onClick={trash}>
                  Move to Trash
                </button>
              </Show>
            </div>
          </article>
        )}
      </Show>
    </SuggestionsProvider>
  );
}
