/**
 * Communities by kind, with their members, how recently I was in touch and
 * my membership: the map's list equivalent, with bridges called out.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  type Community,
  type CommunityId,
  type ContactId,
  type IsoDate,
} from '../../model/index.ts';
import { exactDay, freshnessOf, grouped, relativeDay } from '../../model/rules/index.ts';
import { FRESHNESS_LABELS, MEMBERSHIP_LABELS } from '../words.tsx';

export interface Member {
  id: ContactId;
  name: string;
  communityIds: readonly CommunityId[];
}

export interface CommunityRow {
  community: Community;
  count: number;
  /** Members by name, read only when the list of members is opened. */
  members: () => Member[];
  /** The last day in touch with anyone in it; null: never; undefined: still being found (after the first paint). */
  lastContactOn: () => IsoDate | null | undefined;
}

/** Opening a member list draws at most this many links; the rest are counted and found in People. */
const MEMBERS_SHOWN = 300;

export function CommunityList(props: {
  rows: CommunityRow[];
  unaffiliated: { count: number; members: () => Member[] };
  nameOf: (id: string) => string;
  today: IsoDate;
}) {
  const groups = createMemo(() =>
    COMMUNITY_KINDS.map((kind) => ({ kind, rows: props.rows.filter((r) => r.community.kind === kind) })).filter(
      (g) => g.rows.length > 0,
    ),
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
      <Show when={props.unaffiliated.count}>
        <section aria-labelledby="kind-none">
          <h3 id="kind-none">Not in a community yet — {grouped(props.unaffiliated.count)}</h3>
          <div class="community-row unaffiliated-row" data-testid="unaffiliated">
            <p class="small muted meta-line">
              People you know who are in none of your communities yet. Add them to one from a community’s page.
            </p>
            <MemberList
              members={props.unaffiliated.members}
              count={props.unaffiliated.count}
              others={() => []}
              nameOf={props.nameOf}
            />
          </div>
        </section>
      </Show>
    </div>
  );
}

function MemberList(props: {
  members: () => Member[];
  count: number;
  others: (p: Member) => readonly CommunityId[];
  nameOf: (id: string) => string;
}) {
  // Members are drawn when the list is opened: thousands of links nobody looks at would cost the first render.
  const [open, setOpen] = createSignal(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="small">Members</summary>
      <Show when={open()}>
        <ul class="member-list">
          <For each={props.members().slice(0, MEMBERS_SHOWN)}>
            {(p) => (
              <li>
                <a href={`/people/${p.id}`} class="wrap">
                  {p.name}
                </a>
                <Show when={props.others(p).length}>
                  <span class="small bridge-note">
                    {' '}
                    — a bridge: also in {props.others(p).map(props.nameOf).join(', ')}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.count > MEMBERS_SHOWN}>
          <p class="small muted more-note">
            and {grouped(props.count - MEMBERS_SHOWN)} more — find anyone in <a href="/people">People</a>
          </p>
        </Show>
      </Show>
    </details>
  );
}

function CommunityItem(props: { row: CommunityRow; nameOf: (id: string) => string; today: IsoDate }) {
  const c = () => props.row.community;
  const last = () => props.row.lastContactOn();
  const fresh = () => (props.row.count && last() !== undefined ? freshnessOf(last(), props.today) : null);
  const others = (p: Member) => p.communityIds.filter((id) => id !== c().id);
  return (
    <li class="community-row" data-testid="community">
      <div class="row spread community-head">
        {/* A plain link (the router follows it): a router <A> per row costs the list's render. */}
        <a href={`/communities/${c().id}`} class="community-name wrap">
          {c().name}
        </a>
        <span class="badge" data-membership={c().membership}>
          {MEMBERSHIP_LABELS[c().membership]}
        </span>
      </div>
      <p class="small muted meta-line">
        <span>{props.row.count === 1 ? '1 person' : `${grouped(props.row.count)} people`}</span>
        <Show when={props.row.count && last() === undefined}>
          <span class="muted">Finding when you were last in touch…</span>
        </Show>
        <Show when={fresh()}>
          {(f) => (
            <span class="fresh-tag" data-fresh={f()}>
              {FRESHNESS_LABELS[f()]}
              {' — '}
              <Show when={last()} fallback="never in touch">
                {(on) => (
                  <time datetime={on()} title={exactDay(on())}>
                    last in touch {relativeDay(on(), props.today)}
                  </time>
                )}
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
      <Show when={props.row.count}>
        <MemberList members={props.row.members} count={props.row.count} others={others} nameOf={props.nameOf} />
      </Show>
    </li>
  );
}
