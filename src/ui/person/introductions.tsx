/**
 * Introductions on a person's page (issue 13 §3): introductions worth making
 * with them (suggested, dismissible), the ones under way or made (asked → made
 * → how it went), drafting the messages, and starting one by hand.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Contact, ContactId, Introduction, IntroductionId, IntroductionOutcome } from '../../model/index.ts';
import {
  firstName,
  introductionDates,
  introductionSentence,
  introductionsOf,
  OUTCOME_LABELS,
  relativeDay,
  type IntroductionSuggestion,
} from '../../model/rules/index.ts';
import { dismissIntroduction, undismissIntroduction } from '../../store/index.ts';
import { todayIso } from '../clock.ts';
import { FormError } from '../components/form-error.tsx';
import { PersonPicker } from '../components/person-picker.tsx';
import { showToast } from '../components/toasts.tsx';
import { SuggestionRow, useSuggestions } from '../components/suggestions.tsx';
import { createCollection, createLive, useSpace } from '../space.tsx';
import { IntroDraft } from './intro-draft.tsx';
import '../plan/plan.css';
import './introductions.css';
import { useWrites } from '../writes.ts';

/** Starting, dismissing and moving introductions, each with its Undo toast; shared by the person page and the Map's hub piece. */
export function useIntroductionActions() {
  const { doc } = useSpace();
  const write = useWrites();
  const contacts = createCollection('contacts');
  const nameOf = (id: ContactId) => contacts().byId.get(id)?.name ?? 'someone';
  return {
    nameOf,
    /** Said only when both are in communities and share none: then the user really is their only link. */
    onlyLink(s: IntroductionSuggestion): string {
      const inSome = [s.seekerId, s.providerId].every((id) => (contacts().byId.get(id)?.communityIds.length ?? 0) > 0);
      return s.acrossCommunities && inSome ? ' You are their only link.' : '';
    },
    /** Starts it as asked; returns its id, or null (with a toast saying why). */
    start(a: ContactId, b: ContactId, introducerId: ContactId | null = null): IntroductionId | null {
      const r = write.startIntroduction({ personAId: a, personBId: b, introducerId }, todayIso());
      if (!r.ok) {
        showToast(r.problem);
        return null;
      }
      const op = r.value;
      const who =
        introducerId === null
          ? `ask ${firstName(nameOf(a))} and ${firstName(nameOf(b))} if they would like to meet`
          : `${nameOf(introducerId)} introduces them`;
      showToast(`Introduction started: ${who}.`, { label: 'Undo', run: () => op.undo() });
      return op.result.id;
    },
    dismiss(s: IntroductionSuggestion) {
      const at = dismissIntroduction(doc, s.seekerId, s.providerId);
      showToast(`${nameOf(s.seekerId)} and ${nameOf(s.providerId)} will not be suggested to each other again.`, {
        label: 'Undo',
        run: () => undismissIntroduction(doc, s.seekerId, s.providerId, at),
      });
    },
    made(intro: Introduction): boolean {
      const r = write.markIntroductionMade(intro.id, todayIso());
      if (!r.ok) {
        showToast(r.problem);
        return false;
      }
      const op = r.value;
      showToast('Introduction made, and added to give and take.', { label: 'Undo', run: () => op.undo() });
      return true;
    },
    outcome(intro: Introduction, outcome: IntroductionOutcome) {
      const r = write.setIntroductionOutcome(intro.id, outcome, todayIso());
      if (!r.ok) showToast(r.problem);
    },
    followUp(intro: Introduction) {
      const r = write.followUpIntroduction(intro.id);
      if (!r.ok) return showToast(r.problem);
      const op = r.value;
      showToast(
        `Follow up with ${firstName(nameOf(intro.personAId))} and ${firstName(nameOf(intro.personBId))} ${relativeDay(op.result, todayIso())}.`,
        {
          label: 'Undo',
          run: () => op.undo(),
        },
      );
    },
  };
}

export function PersonIntroductions(props: { person: Contact }) {
  const view = useSuggestions();
  const act = useIntroductionActions();
  const contacts = createCollection('contacts');
  const people = createLive('contacts');
  const intros = createLive('introductions');
  const mine = createMemo(() => introductionsOf(intros(), props.person.id));
  const suggested = createMemo(() => view?.introductionsFor(props.person.id) ?? []);
  /** The introduction whose messages are open. */
  const [search] = useSearchParams<{ draft?: string }>();
  // Started from the Map's hub suggestions: the messages open ready to edit.
  const [drafting, setDrafting] = createSignal<IntroductionId | null>(
    typeof search.draft === 'string' ? (search.draft as IntroductionId) : null,
  );
  /** Made just now on this page: the follow-up with both sides is offered under it. */
  const [justMade, setJustMade] = createSignal<IntroductionId | null>(null);
  const [other, setOther] = createSignal<ContactId | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const person = (id: ContactId) => contacts().byId.get(id);

  const introduce = (s: IntroductionSuggestion) => {
    const id = act.start(s.seekerId, s.providerId);
    if (id) setDrafting(id);
  };
  const startByHand = (e: SubmitEvent) => {
    e.preventDefault();
    const b = other();
    if (b === null) return setError('Choose whom to introduce them to.');
    // The person whose page this is comes first: their needs lead the messages.
    const id = act.start(props.person.id, b);
    if (id === null) return;
    setError(null);
    setOther(null);
    setDrafting(id);
  };

  return (
    <div data-testid="person-introductions" data-suggestions-ready={view?.ready() ? 'yes' : 'no'}>
      <Show when={suggested().length}>
        <div class="suggestions" data-testid="introduction-suggestions">
          <p class="small muted suggestions-title">Worth introducing, suggested from what they do and need:</p>
          <ul class="suggestion-list">
            <For each={suggested()}>
              {(s) => {
                const otherId = () => (s.seekerId === props.person.id ? s.providerId : s.seekerId);
                return (
                  <IntroductionSuggestionRow
                    suggestion={s}
                    name={act.nameOf(otherId())}
                    href={`/people/${otherId()}`}
                    onIntroduce={() => introduce(s)}
                  />
                );
              }}
            </For>
          </ul>
        </div>
      </Show>

      <Show when={mine().length}>
        <ul class="intro-list" aria-label="Introductions">
          <For each={mine()}>
            {(intro) => {
              const sentence = () => introductionSentence(intro, act.nameOf);
              const a = () => person(intro.personAId);
              const b = () => person(intro.personBId);
              return (
                <li class="intro-item" data-testid="introduction">
                  <p class="wrap intro-sentence">
                    <IntroSentence intro={intro} self={props.person.id} nameOf={act.nameOf} />
                  </p>
                  <p class="muted small intro-dates">{introductionDates(intro, (d) => relativeDay(d, todayIso()))}</p>
                  <div class="row intro-buttons">
                    <Show when={intro.stage === 'asked'}>
                      <button
                        type="button"
                        class="small-button primary"
                        aria-label={`Mark as made: ${sentence()}`}
                        onClick={() => {
                          if (!act.made(intro)) return;
                          setJustMade(intro.id);
                          // The messages were for asking and introducing: done with once it is made.
                          setDrafting(null);
                        }}
                      >
                        Mark as made
                      </button>
                    </Show>
                    <Show when={intro.stage === 'made'}>
                      <div class="field intro-outcome">
                        <label for={`outcome-${intro.id}`}>How did it go?</label>
                        <select
                          id={`outcome-${intro.id}`}
                          value={intro.outcome}
                          onChange={(e) => act.outcome(intro, e.currentTarget.value as IntroductionOutcome)}
                        >
                          <option value="">Not known yet</option>
                          <For each={Object.entries(OUTCOME_LABELS)}>
                            {([value, label]) => <option value={value}>{label}</option>}
                          </For>
                        </select>
                      </div>
                    </Show>
                    <Show when={intro.introducerId === null && a() && b()}>
                      <button
                        type="button"
                        class="small-button"
                        aria-expanded={drafting() === intro.id}
                        aria-label={`${drafting() === intro.id ? 'Hide the messages' : 'Write the messages'}: ${sentence()}`}
                        onClick={() => setDrafting(drafting() === intro.id ? null : intro.id)}
                      >
                        {drafting() === intro.id ? 'Hide messages' : 'Write messages'}
                      </button>
                    </Show>
                  </div>
                  <Show when={justMade() === intro.id && intro.stage === 'made'}>
                    <p class="card intro-follow-up" data-testid="introduction-follow-up">
                      <span class="wrap">
                        Ask {firstName(act.nameOf(intro.personAId))} and {firstName(act.nameOf(intro.personBId))} how it
                        went in a week?
                      </span>{' '}
                      <button
                        type="button"
                        class="small-button"
                        onClick={() => {
                          act.followUp(intro);
                          setJustMade(null);
                        }}
                      >
                        Plan follow-up
                      </button>
                    </p>
                  </Show>
                  <Show when={drafting() === intro.id && a() && b() ? ([a(), b()] as const) : null}>
                    {(pair) => <IntroDraft a={pair()[0] as Contact} b={pair()[1] as Contact} />}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>

      <Show when={!suggested().length && !mine().length}>
        <p class="muted small">
          No introductions yet. When {firstName(props.person.name)} needs something someone else you know does, it is
          suggested here.
        </p>
      </Show>

      <details class="add-entry">
        <summary>Introduce {firstName(props.person.name)} to someone</summary>
        <form onSubmit={startByHand} aria-label={`Introduce ${props.person.name} to someone`}>
          <PersonPicker
            label="Introduce them to"
            people={people()}
            value={other()}
            exclude={props.person.id}
            onPick={setOther}
          />
          <FormError message={error()} />
          <button type="submit">Start introduction</button>
        </form>
      </details>
    </div>
  );
}

/** The sentence with the other people as links (the page's own person as plain text). */
function IntroSentence(props: { intro: Introduction; self: ContactId; nameOf: (id: ContactId) => string }) {
  const who = (id: ContactId) =>
    id === props.self ? props.nameOf(id) : <A href={`/people/${id}`}>{props.nameOf(id)}</A>;
  const made = () => props.intro.stage === 'made';
  return (
    <>
      <Show when={props.intro.introducerId} fallback={<>{made() ? 'You introduced' : 'You are introducing'} </>}>
        {(by) => (
          <>
            {who(by())} {made() ? 'introduced' : 'is introducing'}{' '}
          </>
        )}
      </Show>
      {who(props.intro.personAId)} to {who(props.intro.personBId)}
    </>
  );
}

/** One suggested introduction, with Introduce and Dismiss: on a person's page and on the Map alike. */
export function IntroductionSuggestionRow(props: {
  suggestion: IntroductionSuggestion;
  name: string;
  href: string;
  onIntroduce: () => void;
}) {
  const act = useIntroductionActions();
  const s = () => props.suggestion;
  const pair = () => `${act.nameOf(s().seekerId)} to ${act.nameOf(s().providerId)}`;
  return (
    <SuggestionRow
      name={props.name}
      href={props.href}
      reason={`${s().reason}${act.onlyLink(s())}`}
      acceptText="Introduce"
      acceptLabel={`Introduce ${pair()}`}
      onAccept={props.onIntroduce}
      dismissLabel={`Dismiss introducing ${pair()}`}
      onDismiss={() => act.dismiss(s())}
    />
  );
}
