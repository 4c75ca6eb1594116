/**
 * Event mode: choose the event once, then capture each person in seconds —
 * a name (and, if you like, one line), Enter, next. Each capture is stamped
 * with the event, place, date and time, and gets a follow-up N days later.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ContactDraft } from '../../io/types.ts';
import type { EventId, RapportEvent } from '../../model/index.ts';
import { addDays, relativeDay, splitCaptureLine, workLine } from '../../model/rules/index.ts';
import { todayIso } from '../clock.ts';
import { ScanCard } from '../card/scan-card.tsx';
import { showToast } from '../components/toasts.tsx';
import { createLive } from '../space.tsx';
import { useWrites } from '../writes.ts';
import { FormError } from '../components/form-error.tsx';

type ContactDraftValues = Partial<ContactDraft['values']>;

const CURRENT_EVENT = 'rapport.capture.event';
const FOLLOW_UP_DAYS = 'rapport.capture.followUpDays';

function ChooseEvent(props: { events: RapportEvent[]; onChoose: (id: EventId) => void }) {
  const write = useWrites();
  const [name, setName] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const recent = createMemo(() =>
    [...props.events].sort((a, b) => (b.startsOn ?? b.createdAt).localeCompare(a.startsOn ?? a.createdAt)).slice(0, 5),
  );
  const start = (e: SubmitEvent) => {
    e.preventDefault();
    const r = write.add('events', { name: name(), place: place(), startsOn: todayIso() });
    if (!r.ok) return setError(r.problem);
    props.onChoose(r.value.id);
  };
  return (
    <div>
      <h1 id="capture-title">Where are you?</h1>
      <form class="card" onSubmit={start}>
        <div class="field">
          <label for="event-name">Event</label>
          <input
            id="event-name"
            class="big-input"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            placeholder="e.g. KubeCon Europe"
            autocomplete="off"
            required
          />
        </div>
        <div class="field">
          <label for="event-place">Place</label>
          <input
            id="event-place"
            value={place()}
            onInput={(e) => setPlace(e.currentTarget.value)}
            placeholder="e.g. Amsterdam"
            autocomplete="off"
          />
        </div>
        <FormError message={error()} />
        <button type="submit" class="primary big-button">
          Start capturing
        </button>
      </form>
      <Show when={recent().length}>
        <h2>Or continue at</h2>
        <ul class="plain-list">
          <For each={recent()}>
            {(ev) => (
              <li class="mb-s">
                <button type="button" class="big-button full-width justify-start" onClick={() => props.onChoose(ev.id)}>
                  <span class="truncate">
                    {ev.name}
                    {ev.place ? ` · ${ev.place}` : ''}
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

export default function Capture() {
  const write = useWrites();
  const events = createLive('events');
  const contacts = createLive('contacts');
  const [eventId, setEventId] = createSignal<string | null>(localStorage.getItem(CURRENT_EVENT));
  const event = createMemo(() => events().find((e) => e.id === eventId()) ?? null);
  const [name, setName] = createSignal('');
  const [line, setLine] = createSignal('');
  const [followUpDays, setFollowUpDays] = createSignal(Number(localStorage.getItem(FOLLOW_UP_DAYS) ?? 2));
  const [error, setError] = createSignal<string | null>(null);
  const metHere = createMemo(() =>
    contacts()
      .filter((c) => c.metEventId === eventId())
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  let nameInput!: HTMLInputElement;

  const choose = (id: EventId | null) => {
    if (id) localStorage.setItem(CURRENT_EVENT, id);
    else localStorage.removeItem(CURRENT_EVENT);
    setEventId(id);
  };

  const [scanning, setScanning] = createSignal(false);

  /** Adds one person met here, stamped with the event, and plans the follow-up; undoable as one. */
  const capture = (values: ContactDraftValues, typed: string): boolean => {
    const ev = event();
    if (!ev) return false;
    // An address typed into the line goes to their emails.
    const { line, email } = splitCaptureLine(typed);
    if (email !== null) values = { ...values, emails: [...(values.emails ?? []), email] };
    const today = todayIso();
    const days = followUpDays();
    const op = write.undoable((origin) => {
      // The line stays with the person (their subtitle until role or organisation are known) and with the meeting.
      const person = write.add(
        'contacts',
        { ...values, metLine: line, metOn: today, metPlace: ev.place || ev.name, metEventId: ev.id },
        origin,
      );
      if (!person.ok) return person;
      write.add(
        'interactions',
        {
          at: new Date().toISOString(),
          contactIds: [person.value.id],
          channel: 'in-person',
          eventId: ev.id,
          place: ev.place,
          notes: line,
          followUpOn: days > 0 ? addDays(today, days) : null,
        },
        origin,
      );
      return person;
    });
    if (!op.result.ok) {
      op.forget();
      setError(op.result.problem);
      return false;
    }
    setError(null);
    showToast(
      `${op.result.value.name} added${days > 0 ? `, follow up ${relativeDay(addDays(today, days), today)}` : ''}.`,
      { label: 'Undo', run: () => op.undo() },
    );
    return true;
  };

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    if (!capture({ name: name() }, line())) return;
    setName('');
    setLine('');
    nameInput.focus();
  };

  return (
    <section aria-labelledby="capture-title" class="capture">
      <Show when={event()} fallback={<ChooseEvent events={events()} onChoose={choose} />}>
        {(ev) => (
          <>
            <div class="row spread nowrap">
              <h1 id="capture-title" class="truncate m-0">
                {ev().name}
              </h1>
              <button type="button" onClick={() => choose(null)}>
                Change event
              </button>
            </div>
            <p class="muted small truncate">
              {ev().place ? `${ev().place} · ` : ''}
              {metHere().length} met here
            </p>
            <form onSubmit={save} aria-label="Capture a person">
              <div class="field">
                <label for="capture-name">Name</label>
                <input
                  id="capture-name"
                  class="big-input"
                  ref={nameInput}
                  value={name()}
                  onInput={(e) => setName(e.currentTarget.value)}
                  autocomplete="off"
                  autocapitalize="words"
                  enterkeyhint="next"
                  required
                  autofocus
                />
              </div>
              <div class="field">
                <label for="capture-line">One line to remember them</label>
                <input
                  id="capture-line"
                  class="big-input"
                  value={line()}
                  onInput={(e) => setLine(e.currentTarget.value)}
                  autocomplete="off"
                  enterkeyhint="done"
                  placeholder="e.g. platform lead at Acme, wants Rust mentors, ana@acme.com"
                />
              </div>
              <div class="field">
                <label for="capture-follow-up">Follow up</label>
                <select
                  id="capture-follow-up"
                  value={String(followUpDays())}
                  onChange={(e) => {
                    setFollowUpDays(Number(e.currentTarget.value));
                    localStorage.setItem(FOLLOW_UP_DAYS, e.currentTarget.value);
                  }}
                >
                  <option value="1">Tomorrow</option>
                  <option value="2">In 2 days</option>
                  <option value="3">In 3 days</option>
                  <option value="7">In a week</option>
                  <option value="0">No follow-up</option>
                </select>
              </div>
              <FormError message={error()} />
              <button type="submit" class="primary big-button full-width">
                Save and next
              </button>
            </form>
            <p class="row">
              <button type="button" onClick={() => setScanning(!scanning())} aria-expanded={scanning()}>
                {scanning() ? 'Close the scanner' : 'Scan their card'}
              </button>
              {/* Handing over your card is part of meeting someone: one tap. */}
              <A class="button" href="/card">
                Show my card
              </A>
            </p>
            <Show when={scanning()}>
              <ScanCard
                autoStart
                title="Scan their card"
                onCard={(draft) => capture(draft.values, '') && setScanning(false)}
              />
            </Show>
            <Show when={metHere().length}>
              <h2>Met here</h2>
              <ul class="plain-list" aria-label="People met at this event" data-testid="met-here">
                <For each={metHere()}>
                  {(p) => (
                    <li class="met-here-row">
                      {/* The name wraps if it must; only the note is cut short. */}
                      <A href={`/people/${p.id}`} class="wrap">
                        {p.name}
                      </A>
                      {/* Where they were met goes without saying here. */}
                      <Show when={workLine(p) || p.metLine}>
                        <span class="muted small truncate">{workLine(p) || p.metLine}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
