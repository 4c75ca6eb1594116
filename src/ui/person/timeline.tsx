/** A person's interactions, newest first, with their follow-ups. */
import { createMemo, For, Show } from 'solid-js';
import type { ContactId, Interaction } from '../../model/index.ts';
import { exactDay, localDay, relativeDay } from '../../model/rules/index.ts';
import { TIME_ZONE, todayIso } from '../clock.ts';
import { CHANNEL_LABELS } from '../components/log-interaction.tsx';
import { createLive } from '../space.tsx';
import { useWrites } from '../writes.ts';

export function Timeline(props: { contactId: ContactId }) {
  const write = useWrites();
  const interactions = createLive('interactions');
  const events = createLive('events');
  const mine = createMemo(() =>
    interactions()
      .filter((i) => i.contactIds.includes(props.contactId))
      .sort((a, b) => b.at.localeCompare(a.at)),
  );
  const eventName = (i: Interaction) => events().find((e) => e.id === i.eventId)?.name;
  return (
    <Show when={mine().length} fallback={<p class="muted">No interactions yet. Log one after you next talk.</p>}>
      <ol class="timeline" aria-label="Interactions" data-testid="timeline">
        <For each={mine()}>
          {(i) => {
            const day = () => localDay(i.at, TIME_ZONE);
            return (
              <li data-testid="interaction">
                <p class="when m-0">
                  <time datetime={i.at} title={new Date(i.at).toLocaleString()}>
                    {relativeDay(day(), todayIso())}
                  </time>{' '}
                  · {CHANNEL_LABELS[i.channel]}
                  <Show when={eventName(i)}> · {eventName(i)}</Show>
                </p>
                <Show when={i.notes}>
                  <p class="wrap my-xs pre-wrap">{i.notes}</p>
                </Show>
                <Show when={i.learned || i.shared}>
                  <p class="small wrap my-xs">
                    <Show when={i.learned}>
                      <span>
                        <strong>Learned:</strong> {i.learned}{' '}
                      </span>
                    </Show>
                    <Show when={i.shared}>
                      <span>
                        <strong>Shared:</strong> {i.shared}
                      </span>
                    </Show>
                    <Show when={!i.learned || !i.shared}>
                      <span class="muted">
                        {' '}
                        {i.learned ? '(nothing shared about you)' : '(nothing learned about them)'}
                      </span>
                    </Show>
                  </p>
                </Show>
                <Show when={i.followUpOn}>
                  {(on) => (
                    <label class="row small plain-label">
                      <input
                        class="box-22"
                        type="checkbox"
                        checked={i.followUpDone}
                        onChange={(e) => write.update('interactions', i.id, { followUpDone: e.currentTarget.checked })}
                      />
                      Follow up {relativeDay(on(), todayIso())} <span class="muted">({exactDay(on())})</span>
                    </label>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}
