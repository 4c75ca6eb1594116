/** Today: what to do now — follow-ups, lapsed rhythms, new acquaintances, actions due this week. */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ContactId } from '../../model/index.ts';
import { computeToday, lastContactByPerson, snoozeTo, type TodayItem } from '../../model/rules/index.ts';
import { create, update } from '../../store/index.ts';
import { createNow, TIME_ZONE } from '../clock.ts';
import { LogInteraction } from '../components/log-interaction.tsx';
import { showToast } from '../components/toasts.tsx';
import { createLive, useSpace } from '../space.tsx';
import { useWelcomeRedirect } from '../welcome/redirect.ts';

const SNOOZE_DAYS = { 'follow-up': 3, 'keep-in-touch': 7, 'met-recently': 3, action: 7 } as const;
/** A long list helps no one on a phone; the rest are counted and come up as these are done. */
const SHOWN_PER_SECTION = 50;

export default function Today() {
  useWelcomeRedirect();
  const { doc } = useSpace();
  const now = createNow();
  const contacts = createLive('contacts');
  const interactions = createLive('interactions');
  const actions = createLive('actions');
  const events = createLive('events');
  // Last contact per person changes only with interactions, not with the clock: kept apart so a tick is cheap.
  const lastContact = createMemo(() => lastContactByPerson(interactions()));
  const view = createMemo(() =>
    computeToday({
      contacts: contacts(),
      interactions: interactions(),
      actions: actions(),
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
  const keptInTouch = (ids: ContactId[]) => create(doc, 'interactions', { at: new Date().toISOString(), contactIds: ids, channel: 'other', notes: 'Kept in touch' });

  const done = (item: TodayItem) => {
    if (item.kind === 'follow-up') update(doc, 'interactions', item.interactionId, { followUpDone: true });
    else if (item.kind === 'action') update(doc, 'actions', item.actionId, { status: 'done', doneAt: new Date().toISOString() });
    else keptInTouch(item.contactIds);
    showToast('Done.');
  };
  const snooze = (item: TodayItem) => {
    const until = snoozeTo(view().today, SNOOZE_DAYS[item.kind]);
    if (item.kind === 'follow-up') update(doc, 'interactions', item.interactionId, { followUpOn: until });
    else if (item.kind === 'action') update(doc, 'actions', item.actionId, { dueOn: until });
    else update(doc, 'contacts', item.contactId, { snoozedUntil: until });
    showToast(`Snoozed for ${SNOOZE_DAYS[item.kind]} days.`);
  };

  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <Show
        when={contacts().length}
        fallback={
          <div class="card">
            <p>
              <strong>Welcome to Rapport.</strong> Start with the people you know: add someone, or capture people as you meet them.
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
        }
      >
        <Show when={!view().isEmpty} fallback={<p class="card">Nothing needs you today. A good day to offer someone a hand — see who you have not talked to in a while on People.</p>}>
          <For each={view().sections.filter((s) => s.items.length)}>
            {(section) => (
              <section aria-labelledby={`today-${section.key}`} data-testid={`today-${section.key}`}>
                <h2 id={`today-${section.key}`}>
                  {section.title} <span class="muted small">({section.total > section.items.length ? `${section.items.length} of ${section.total}` : section.total})</span>
                </h2>
                <ul style={{ 'list-style': 'none', padding: 0, margin: 0 }}>
                  <For each={section.items}>
                    {(item) => (
                      <li class="today-item" data-testid="today-item">
                        <p class="reason">
                          <Show when={item.contactIds[0]} fallback={item.reason}>
                            {(first) => (
                              <A href={`/people/${first()}`} style={{ color: 'inherit', 'text-decoration': 'none' }}>
                                {item.reason}
                              </A>
                            )}
                          </Show>
                        </p>
                        <span class="actions">
                          <Show when={item.contactIds.length}>
                            <button type="button" onClick={() => setLogging(item)} aria-label={`Log interaction: ${item.reason}`}>
                              Log
                            </button>
                          </Show>
                          <button type="button" onClick={() => snooze(item)} aria-label={`Snooze: ${item.reason}`}>
                            Snooze
                          </button>
                          <button type="button" class="primary" onClick={() => done(item)} aria-label={`Done: ${item.reason}`}>
                            Done
                          </button>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </Show>
      </Show>
      <Show when={logging()}>
        {(item) => (
          <LogInteraction
            contactIds={item().contactIds}
            names={names(item().contactIds)}
            onSaved={() => {
              const it = item();
              if (it.kind === 'follow-up') update(doc, 'interactions', it.interactionId, { followUpDone: true });
              if (it.kind === 'keep-in-touch' || it.kind === 'met-recently') update(doc, 'contacts', it.contactId, { snoozedUntil: null });
            }}
            onClose={() => setLogging(null)}
          />
        )}
      </Show>
    </section>
  );
}
