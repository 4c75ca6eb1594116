/** Power and interest for the stakeholder grid, and what the quadrant suggests. */
import { Show } from 'solid-js';
import { STAKE_MAX, type Contact } from '../../model/index.ts';
import { QUADRANT_ADVICE, quadrantOf } from '../../model/rules/index.ts';
import { useWrites } from '../writes.ts';

export function Stake(props: { person: Contact }) {
  const write = useWrites();
  const set = (key: 'power' | 'interest', value: number) => write.update('contacts', props.person.id, { [key]: value });
  const quadrant = () => quadrantOf(props.person);
  return (
    <div>
      <div class="grid-2">
        <div class="field">
          <label for="stake-power">Power: {props.person.power ?? 'not set'}</label>
          <input
            id="stake-power"
            data-unset={props.person.power === null ? '' : undefined}
            type="range"
            min="0"
            max={STAKE_MAX}
            step="10"
            value={props.person.power ?? 50}
            onChange={(e) => set('power', Number(e.currentTarget.value))}
          />
        </div>
        <div class="field">
          <label for="stake-interest">Interest: {props.person.interest ?? 'not set'}</label>
          <input
            id="stake-interest"
            data-unset={props.person.interest === null ? '' : undefined}
            type="range"
            min="0"
            max={STAKE_MAX}
            step="10"
            value={props.person.interest ?? 50}
            onChange={(e) => set('interest', Number(e.currentTarget.value))}
          />
        </div>
      </div>
      <Show when={quadrant()} fallback={<p class="muted small">Not placed on the stakeholder grid yet.</p>}>
        {(q) => (
          <p data-testid="quadrant">
            <strong>{QUADRANT_ADVICE[q()].label}</strong> — {QUADRANT_ADVICE[q()].advice}
          </p>
        )}
      </Show>
    </div>
  );
}
