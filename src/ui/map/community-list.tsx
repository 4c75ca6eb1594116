/**
 * Communities by kind, with their members, how recently I was in touch and
 * my membership: the map's list equivalent, with bridges called out.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { COMMUNITY_KIND_LABELS, COMMUNITY_KINDS, type Community, type Contact, type IsoDate } from '../../model/index.ts';
import { exactDay, freshnessOf, relativeDay } from '../../model/rules/index.ts';
import { FRESHNESS_LABELS, MEMBERSHIP_LABELS } from '../plan/words.tsx';

export interface CommunityRow {
  community: Community;
  members: Contact[];
  lastContactOn: IsoDate | null;
}

export function CommunityList(props: { rows: CommunityRow[]; nameOf: (id: string) => string; today: IsoDate }) {
  const groups = createMemo(() =>
    COMMUNITY_KINDS.map((kind) => ({ kind, rows: props.rows.filter((r) => r.community.kind === kind) })).filter((g) => g.rows.length > 0),
  );
  return (
    <div class="community-groups" data-testid="community-list">
      <For each={groups()}>
        {(g) => (
          <section aria-labelledby={`kind-${g.kind}`}>
            <h3 id={`kind-${g.kind}`}>{COMMUNITY_KIND_LABELS[g.kind]}</h3>
            <ul class="community-rows">
              <For each={g.rows}>{(row) => <CommunityItem row={row} nameOf={props.nameOf} today={props.today} />}</For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}

function CommunityItem(props: { row: CommunityRow; nameOf: (id: string) => string; today: IsoDate }) {
  const c = () => props.row.community;
  const fresh = () => (props.row.members.length ? freshnessOf(props.row.lastContactOn, props.today) : null);
  // Members are drawn when the list is opened: 500 links nobody looks at would cost the first render.
  const [open, setOpen] = createSignal(false);
  const others = (p: Contact) => p.communityIds.filter((id) => id !== c().id);
  return (
    <li class="community-row" data-testid="community">
      <div class="row spread community-head">
        <A href={`/communities/${c().id}`} class="community-name wrap">
          {c().name}
        </A>
        <span class="badge" data-membership={c().membership}>
          {MEMBERSHIP_LABELS[c().membership]}
        </span>
      </div>
      <p class="small muted meta-line">
        <span>{props.row.members.length === 1 ? '1 person' : `${props.row.members.length} people`}</span>
        <Show when={fresh()}>
          {(f) => (
            <span class="fresh-tag" data-fresh={f()}>
              {FRESHNESS_LABELS[f()]}
              {' — '}
              <Show when={props.row.lastContactOn} fallback="never in touch">
                {(on) => <time datetime={on()} title={exactDay(on())}>last in touch {relativeDay(on(), props.today)}</time>}
              </Show>
            </span>
          )}
        </Show>
      </p>
      <Show when={c().offer}>
        <p class="small wrap offer-line">
          <span class="muted">You could offer: </span>
          {c().offer}
        </p>
      </Show>
      <Show when={props.row.members.length}>
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary class="small">Members</summary>
          <Show when={open()}>
          <ul class="member-list">
            <For each={props.row.members}>
              {(p) => (
                <li>
                  <a href={`/people/${p.id}`} class="wrap">
                    {p.name}
                  </a>
                  <Show when={others(p).length}>
                    <span class="small bridge-note"> — a bridge: also in {others(p).map(props.nameOf).join(', ')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          </Show>
        </details>
      </Show>
    </li>
  );
}
