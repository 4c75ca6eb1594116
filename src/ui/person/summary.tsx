/**
 * The top of a person's page, summary first, like a contacts app: one-tap ways to reach them,
 * the next follow-up and the last interaction, and what is known as a compact list that
 * leaves out what is empty.
 */
import { For, Show, type JSX } from 'solid-js';
import {
  httpsHref,
  mailtoHref,
  smsHref,
  telHref,
  type Community,
  type Contact,
  type Interaction,
  type RapportEvent,
} from '../../model/index.ts';
import { cadenceWords, dueWords, exactDay, localDay, relativeDay, type PersonGlance } from '../../model/rules/index.ts';
import { TIME_ZONE } from '../clock.ts';
import { RowMenu } from '../components/row-menu.tsx';
import { CHANNEL_LABELS } from '../components/log-interaction.tsx';

/** Tags and communities as chips under the name. */
export function PersonChips(props: { person: Contact; communities: readonly Community[] }) {
  const mine = () => props.communities.filter((c) => c.deletedAt === null && props.person.communityIds.includes(c.id));
  return (
    <Show when={mine().length || props.person.tags.length}>
      <ul class="chips" aria-label="Communities and tags">
        <For each={mine()}>
          {(c) => (
            <li class="chip chip-plain">
              <span>{c.name}</span>
            </li>
          )}
        </For>
        <For each={props.person.tags}>
          {(t) => (
            <li class="chip chip-plain">
              <span>#{t}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Email, call, message, LinkedIn, website — only those that exist — Log, and Follow up. */
export function QuickActions(props: { person: Contact; onLog: () => void; onFollowUp: (days: number) => void }) {
  const email = () => props.person.emails[0];
  const phone = () => props.person.phones[0];
  const link = (href: string | null | undefined, label: string, name: string) =>
    href ? (
      <a
        class="button"
        href={href}
        rel="noopener noreferrer"
        target={href.startsWith('https:') ? '_blank' : undefined}
        aria-label={`${label} ${name}`}
      >
        {label}
      </a>
    ) : null;
  return (
    <div class="quick-actions" role="group" aria-label={`Get in touch with ${props.person.name}`}>
      <button type="button" class="primary" onClick={() => props.onLog()}>
        Log interaction
      </button>
      <FollowUpMenu name={props.person.name} onPick={props.onFollowUp} />
      {link(email() ? mailtoHref(email() as string) : null, 'Email', props.person.name)}
      {link(phone() ? telHref(phone() as string) : null, 'Call', props.person.name)}
      {link(phone() ? smsHref(phone() as string) : null, 'Message', props.person.name)}
      {link(props.person.linkedin ? httpsHref(props.person.linkedin) : null, 'LinkedIn', props.person.name)}
      {link(props.person.website ? httpsHref(props.person.website) : null, 'Website', props.person.name)}
    </div>
  );
}

/** The next follow-up and the last interaction, right under the header. */
export function AtAGlance(props: {
  glance: PersonGlance;
  today: string;
  onFollowUpDone: (i: PersonGlance['nextFollowUp'] & object) => void;
}) {
  const last = () => props.glance.lastInteraction;
  return (
    <div class="glance" data-testid="glance">
      <p>
        <span class="muted">Next follow-up </span>
        <Show when={props.glance.nextFollowUp} fallback={<span>none planned</span>}>
          {(next) => (
            <>
              <strong title={exactDay(next().dueOn)}>{dueWords(next().dueOn, props.today)}</strong>{' '}
              <button type="button" class="link-button" onClick={() => props.onFollowUpDone(next())}>
                Mark done
              </button>
            </>
          )}
        </Show>
      </p>
      <p>
        <span class="muted">Last interaction </span>
        <Show when={last()} fallback={<span>none yet</span>}>
          {(i) => <LastInteraction interaction={i()} today={props.today} />}
        </Show>
      </p>
    </div>
  );
}

function LastInteraction(props: { interaction: Interaction; today: string }) {
  const day = () => localDay(props.interaction.at, TIME_ZONE);
  return (
    <span>
      <strong title={exactDay(day())}>{relativeDay(day(), props.today)}</strong> ·{' '}
      {CHANNEL_LABELS[props.interaction.channel]}
      <Show when={props.interaction.notes}> · {props.interaction.notes.split('\n', 1)[0]}</Show>
    </span>
  );
}

/** What is known, as "key: value" rows; empty fields are left out. */
export function DetailsList(props: { person: Contact; events: readonly RapportEvent[]; people: readonly Contact[] }) {
  const p = () => props.person;
  const rows = (): [string, JSX.Element][] => {
    const c = p();
    const out: [string, JSX.Element][] = [];
    const add = (label: string, value: JSX.Element | string | null | undefined | false) => {
      if (value !== null && value !== undefined && value !== '' && value !== false) out.push([label, value]);
    };
    add('Role', c.role);
    add('Organisation', c.organisation);
    add('Department', c.department);
    add('Location', c.location);
    add('Emails', c.emails.length ? c.emails.join(', ') : null);
    add('Phones', c.phones.length ? c.phones.join(', ') : null);
    add('Birthday', c.birthday);
    add('Noted when we met', c.metLine);
    add('Met on', c.metOn ? exactDay(c.metOn) : null);
    add('Where we met', c.metPlace);
    add('At the event', c.metEventId ? (props.events.find((e) => e.id === c.metEventId)?.name ?? null) : null);
    add('Introduced by', c.introducedById ? (props.people.find((x) => x.id === c.introducedById)?.name ?? null) : null);
    add('Connected on LinkedIn', c.connectedOn ? exactDay(c.connectedOn) : null);
    add('What they do', c.whatTheyDo);
    add('Their interests', c.interests);
    add('What they need', c.needs);
    add(
      'Keep in touch',
      c.cadenceDays
        ? cadenceWords(c.cadenceDays) + (c.seenRegularly ? ' (I see them regularly: no reminders)' : '')
        : c.seenRegularly
          ? 'I see them regularly'
          : null,
    );
    add('Notes', c.notes);
    return out;
  };
  return (
    <Show when={rows().length} fallback={<p class="muted">Nothing more known yet.</p>}>
      <dl class="details" data-testid="details">
        <For each={rows()}>
          {([label, value]) => (
            <div class="detail">
              <dt>{label}</dt>
              <dd class="wrap">{value}</dd>
            </div>
          )}
        </For>
      </dl>
    </Show>
  );
}

const FOLLOW_UP_IN = [
  { label: 'In 2 days', days: 2 },
  { label: 'In a week', days: 7 },
  { label: 'In a month', days: 30 },
] as const;

/** "Follow up": when, in one more tap. */
function FollowUpMenu(props: { name: string; onPick: (days: number) => void }) {
  return (
    <RowMenu
      label={`Follow up with ${props.name}`}
      text="Follow up"
      actions={FOLLOW_UP_IN.map((f) => ({
        label: f.label,
        ariaLabel: `Follow up with ${props.name} ${f.label.toLowerCase()}`,
        run: () => props.onPick(f.days),
      }))}
    />
  );
}
