/**
 * How plan, ledger and community values are named to a person (Plan, Map, Give and take,
 * Welcome), and the rules' sentences shown as text (never as HTML).
 */
import { For, Show } from 'solid-js';
import type { IsoDate } from '../model/index.ts';
import { exactDay, relativeDay } from '../model/rules/index.ts';

export const OBJECTIVE_KIND_LABELS = {
  learn: 'Learn a field',
  'new-role': 'Find a new role',
  'project-support': 'Support for a project',
  visibility: 'Be known in an industry',
  clients: 'Find clients',
  other: 'Other',
} as const;

export const OBJECTIVE_STATUS_LABELS = {
  active: 'Active',
  paused: 'Paused',
  achieved: 'Achieved',
  dropped: 'Dropped',
} as const;

export const OFFER_KIND_LABELS = {
  skill: 'A skill',
  knowledge: 'Knowledge',
  introductions: 'Introductions',
  time: 'Time',
  resources: 'Resources',
} as const;

export const OFFER_STATUS_LABELS = { active: 'Active', retired: 'Retired' } as const;

export const ACTION_STATUS_LABELS = { planned: 'Planned', doing: 'Doing', done: 'Done', dropped: 'Dropped' } as const;

export const MEMBERSHIP_LABELS = { member: 'Member', 'want-to-join': 'Want to join', former: 'Former' } as const;

export const LEDGER_KIND_LABELS = {
  introduction: 'Introduction',
  advice: 'Advice',
  referral: 'Referral',
  help: 'Help',
  favour: 'Favour',
  other: 'Other',
} as const;

export const FRESHNESS_LABELS = { fresh: 'Fresh', warm: 'Warm', stale: 'Stale' } as const;

export function options<V extends string>(labels: Record<V, string>): { value: V; label: string }[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

/**
 * A rule's sentence, where *Title* marks a title the user wrote: shown in
 * italics, as text nodes only.
 */
export function Sentence(props: { text: string }) {
  const parts = () => props.text.split(/\*([^*]+)\*/);
  return <For each={parts()}>{(part, i) => (i() % 2 === 1 ? <em>{part}</em> : part)}</For>;
}

/** "Tuesday", "in 2 weeks", with the exact date on hover. */
export function Day(props: { on: IsoDate | null; today: IsoDate; none?: string }) {
  return (
    <Show when={props.on} fallback={<span class="muted">{props.none ?? 'no date'}</span>}>
      {(on) => (
        <time datetime={on()} title={exactDay(on())}>
          {relativeDay(on(), props.today)}
        </time>
      )}
    </Show>
  );
}
