/**
 * Log an interaction: opened by one tap, saved by a second. The date defaults
 * to now; what I learned and what I shared sit side by side so a one-sided
 * conversation shows. It says which open follow-ups the interaction answers
 * and closes them, unless the user keeps one open.
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { CHANNELS, type Channel, type ContactId, type EventId, type InteractionId } from '../../model/index.ts';
import { addDays, followUpsClosedBy, makeIdResolver, relativeDay } from '../../model/rules/index.ts';
import { TIME_ZONE, todayIso, toDateTimeLocal } from '../clock.ts';
import { createLive } from '../space.tsx';
import { showToast } from './toasts.tsx';
import { FormError } from './form-error.tsx';
import { useWrites } from '../writes.ts';

export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': 'In person',
  call: 'Call',
  video: 'Video',
  email: 'Email',
  message: 'Message',
  social: 'Social',
  other: 'Other',
};

const FOLLOW_UPS = [
  { label: 'No follow-up', days: null },
  { label: 'In 2 days', days: 2 },
  { label: 'In a week', days: 7 },
  { label: 'In a month', days: 30 },
] as const;

export function LogInteraction(props: {
  contactIds: ContactId[];
  names: string;
  eventId?: EventId | null;
  onSaved?: () => void;
  onClose: () => void;
}) {
  const write = useWrites();
  let dialog!: HTMLDialogElement;
  let notesInput!: HTMLTextAreaElement;
  const [when, setWhen] = createSignal(toDateTimeLocal(new Date()));
  const [channel, setChannel] = createSignal<Channel>('in-person');
  const [notes, setNotes] = createSignal('');
  const [learned, setLearned] = createSignal('');
  const [shared, setShared] = createSignal('');
  const [followUpDays, setFollowUpDays] = createSignal<number | null>(null);
  const [followUpOn, setFollowUpOn] = createSignal<string>('');
  const [error, setError] = createSignal<string | null>(null);
  const [keptOpen, setKeptOpen] = createSignal<ReadonlySet<InteractionId>>(new Set());
  const interactions = createLive('interactions');
  const contacts = createLive('contacts');
  // The time field shows minutes; left as it is, the interaction is logged at this very moment,
  // so that it comes after anything captured earlier in the same minute.
  const [whenEdited, setWhenEdited] = createSignal(false);
  const whenIso = () => {
    const at = whenEdited() ? new Date(when()) : new Date();
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  };
  const closing = createMemo(() => {
    const at = whenIso();
    return at === null
      ? []
      : followUpsClosedBy({ at, contactIds: props.contactIds }, interactions(), TIME_ZONE, makeIdResolver(contacts()));
  });
  const toggleKeptOpen = (id: InteractionId, open: boolean) =>
    setKeptOpen((s) => {
      const next = new Set(s);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  onMount(() => {
    dialog.showModal();
    notesInput.focus();
  });

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const iso = whenIso();
    if (iso === null) return setError('That date and time is not valid.');
    const days = followUpDays();
    const ids = closing().map((i) => i.id);
    const r = write.logInteraction(
      {
        at: iso,
        contactIds: props.contactIds,
        channel: channel(),
        eventId: props.eventId ?? null,
        notes: notes(),
        learned: learned(),
        shared: shared(),
        followUpOn: followUpOn() || (days === null ? null : addDays(todayIso(), days)),
      },
      { close: ids.filter((id) => !keptOpen().has(id)), keepOpen: ids.filter((id) => keptOpen().has(id)) },
    );
    if (!r.ok) return setError(r.problem);
    props.onSaved?.();
    showToast(`Logged: ${CHANNEL_LABELS[channel()].toLowerCase()} with ${props.names}.`);
    dialog.close();
  };

  return (
    <dialog class="sheet" ref={dialog} aria-labelledby="log-title" onClose={props.onClose}>
      <form onSubmit={save}>
        <div class="sheet-body">
          <h2 id="log-title" class="wrap mt-0">
            Log interaction with {props.names}
          </h2>
          <fieldset class="segmented">
            <legend>How</legend>
            <For each={CHANNELS}>
              {(c) => (
                <label>
                  <input
                    type="radio"
                    name="channel"
                    value={c}
                    checked={channel() === c}
                    onChange={() => setChannel(c)}
                  />
                  <span>{CHANNEL_LABELS[c]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for="log-notes">Notes</label>
            <textarea
              id="log-notes"
              ref={notesInput}
              value={notes()}
              onInput={(e) => setNotes(e.currentTarget.value)}
              rows="3"
            />
          </div>
          <div class="grid-2">
            <div class="field">
              <label for="log-learned">What I learned about them</label>
              <textarea
                id="log-learned"
                value={learned()}
                onInput={(e) => setLearned(e.currentTarget.value)}
                rows="2"
              />
            </div>
            <div class="field">
              <label for="log-shared">What I shared about me</label>
              <textarea id="log-shared" value={shared()} onInput={(e) => setShared(e.currentTarget.value)} rows="2" />
            </div>
          </div>
          <div class="grid-2">
            <div class="field">
              <label for="log-when">When</label>
              <input
                id="log-when"
                type="datetime-local"
                value={when()}
                onInput={(e) => {
                  setWhen(e.currentTarget.value);
                  setWhenEdited(true);
                }}
              />
            </div>
            <div class="field">
              <label for="log-follow-up">Follow up</label>
              <select
                id="log-follow-up"
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setFollowUpOn('');
                  setFollowUpDays(v === '' ? null : Number(v));
                }}
              >
                <For each={FOLLOW_UPS}>{(f) => <option value={f.days ?? ''}>{f.label}</option>}</For>
              </select>
            </div>
          </div>
          <details>
            <summary>Follow up on a particular day</summary>
            <div class="field">
              <label for="log-follow-up-on">Follow-up date</label>
              <input
                id="log-follow-up-on"
                type="date"
                min={todayIso()}
                value={followUpOn()}
                onInput={(e) => setFollowUpOn(e.currentTarget.value)}
              />
            </div>
          </details>
          <Show when={closing().length}>
            <fieldset class="closes" data-testid="log-closes">
              <legend>This closes</legend>
              <For each={closing()}>
                {(f) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={!keptOpen().has(f.id)}
                      onChange={(e) => toggleKeptOpen(f.id, !e.currentTarget.checked)}
                    />
                    <span class="wrap">
                      The follow-up due {relativeDay(f.followUpOn as string, todayIso())}
                      {f.notes ? ` — ${f.notes.length > 60 ? `${f.notes.slice(0, 59)}…` : f.notes}` : ''}
                    </span>
                  </label>
                )}
              </For>
              <p class="muted small">Untick one to keep it open.</p>
            </fieldset>
          </Show>
          <FormError message={error()} />
        </div>
        <div class="sheet-actions">
          <button type="submit" class="primary">
            Save
          </button>
          <button type="button" onClick={() => dialog.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
