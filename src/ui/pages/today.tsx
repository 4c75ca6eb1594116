/** Today: what to do now — follow-ups, lapsed rhythms, new acquaintances, actions due this week. */
import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ContactId } from '../../model/index.ts';
import {
  activePeople,
  computeToday,
  groupByEvent,
  lastContactByPerson,
  makeIdResolver,
  relativeDay,
  snoozeChanges,
  type TodayItem,
} from '../../model/rules/index.ts';
import { applySnooze, type Origin } from '../../store/index.ts';
import { createNow, TIME_ZONE } from '../clock.ts';
import { LogInteraction } from '../components/log-interaction.tsx';
import { showToast } from '../components/toasts.tsx';
import { createLive, useSpace } from '../space.tsx';
import { TodayRow } from '../today/today-row.tsx';
import { useWelcomeRedirect } from '../welcome/redirect.ts';
import { useWrites } from '../writes.ts';

/** A long list helps no one on a phone; the rest are counted and come up as these are done. */
const SHOWN_PER_SECTION = 50;

export default function Today() {
  useWelcomeRedirect();
  const { doc } = useSpace();
  const write = useWrites();
  const now = createNow();
  const contacts = createLive('contacts');
  const interactions = createLive('interactions');
  const actions = createLive('actions');
  const events = createLive('events');
  const ledger = createLive('ledger');
  const resolve = createMemo(() => makeIdResolver(contacts()));
  // Last contact per person changes only with interactions, not with the clock: kept apart so a tick is cheap.
  // Interactions planned for later in the day are rare enough not to tie this to the clock.
  const lastContact = createMemo(() => lastContactByPerson(interactions(), { resolve: resolve() }));
  const view = createMemo(() =>
    computeToday({
      contacts: contacts(),
      interactions: interactions(),
      actions: actions(),
      ledger: ledger(),
      events: events(),
      now: now(),
      timeZone: TIME_ZONE,
      lastContact: lastContact(),
      limitPerSection: SHOWN_PER_SECTION,
    }),
  );
  const names = (ids: readonly ContactId[]) =>
    ids
      .map((id) => contacts().find((c) => c.id === id)?.name)
      .filter(Boolean)
      .join(', ');
  const [logging, setLogging] = createSignal<TodayItem | null>(null);

  /** "Done" for a person reminder means "I was in touch": it is recorded as a short interaction. */
  const keptInTouch = (ids: ContactId[], origin?: Origin) =>
    write.add(
      'interactions',
      { at: new Date().toISOString(), contactIds: ids, channel: 'other', notes: 'Kept in touch' },
      origin,
    );

  const navigate = useNavigate();
  const done = (item: TodayItem) => {
    if (item.kind === 'follow-up') write.update('interactions', item.interactionId, { followUpDone: true });
    else if (item.kind === 'action')
      write.update('actions', item.actionId, { status: 'done', doneAt: new Date().toISOString() });
    else if (item.kind === 'promise') write.update('ledger', item.ledgerId, { status: 'done', on: view().today });
    else keptInTouch(item.contactIds);
    showToast(item.kind === 'promise' ? 'Promise kept.' : 'Done.');
  };
  /** "Done for all" of a group: one step, one Undo. */
  const doneForAll = (items: readonly TodayItem[], label: string) => {
    const op = write.undoable((origin) => {
      for (const item of items) {
        if (item.kind === 'follow-up') write.update('interactions', item.interactionId, { followUpDone: true }, origin);
        else if (item.kind === 'met-recently' || item.kind === 'keep-in-touch') keptInTouch(item.contactIds, origin);
      }
    });
    showToast(`Done: ${label}.`, { label: 'Undo', run: () => op.undo() });
  };
  const snooze = (item: TodayItem) => {
    const changes = snoozeChanges(item, view().today, activePeople(contacts()), interactions(), resolve());
    const op = write.undoable((origin) => applySnooze(doc, changes, origin));
    showToast(`Snoozed until ${relativeDay(changes.until, view().today)}.`, { label: 'Undo', run: () => op.undo() });
  };

  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      {/* With nobody in the network yet, Today says how to start — and still shows what is due (a first action planned in the welcome). */}
      <Show when={contacts().length === 0}>
        <div class="card">
          <p>
            <strong>Welcome to Rapport.</strong> Start with the people you know: add someone, or capture people as you
            meet them.
          </p>
          <div class="row">
            <A class="button primary" href="/people">
              Add people
            </A>
            <A class="button" href="/capture">
              Capture at an event
            </A>
          </div>
        </div>
      </Show>
      <Show when={view().newConnections}>
        {(connections) => (
          <p class="card row" data-testid="today-new-connections">
            <span>{connections().sentence}</span>
            <A class="button" href="/people">
              Review
            </A>
          </p>
        )}
      </Show>
      <Show
        when={!view().isEmpty}
        fallback={
          <Show when={contacts().length}>
            <p class="card">
              Nothing needs you today. A good day to offer someone a hand — see who you have not talked to in a while on
              People.
            </p>
          </Show>
        }
      >
        <For each={view().sections.filter((s) => s.items.length)}>
          {(section) => (
            <section aria-labelledby={`today-${section.key}`} data-testid={`today-${section.key}`}>
              <h2 id={`today-${section.key}`}>
                {section.title}{' '}
                <span class="muted small">
                  (
                  {section.total > section.items.length ? `${section.items.length} of ${section.total}` : section.total}
                  )
                </span>
              </h2>
              <For each={groupByEvent(section.items)}>
                {(group) => (
                  <>
                    <Show when={group.label}>
                      {(label) => (
                        <div class="today-group">
                          <h3>{label()}</h3>
                          <button
                            type="button"
                            onClick={() => doneForAll(group.items, label())}
                            aria-label={`Done for all ${label()}`}
                          >
                            Done for all
                          </button>
                        </div>
                      )}
                    </Show>
                    <ul class="today-list">
                      <For each={group.items}>
                        {(item) => (
                          <TodayRow
                            item={item}
                            today={view().today}
                            onDone={() => done(item)}
                            onLog={() => setLogging(item)}
                            onSnooze={() => snooze(item)}
                            onOpen={(id) => navigate(`/people/${id}`)}
                          />
                        )}
                      </For>
                    </ul>
                  </>
                )}
              </For>
            </section>
          )}
        </For>
      </Show>
      <Show when={logging()}>
        {(item) => (
          <LogInteraction
            contactIds={item().contactIds}
            names={names(item().contactIds)}
            onSaved={() => {
              // The log form itself closes the follow-ups the interaction answers.
              const it = item();
              if (it.kind === 'keep-in-touch' || it.kind === 'met-recently')
                write.update('contacts', it.contactId, { snoozedUntil: null });
            }}
            onClose={() => setLogging(null)}
          />
        )}
      </Show>
    </section>
  );
}
