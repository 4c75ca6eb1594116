/**
 * Who can help (issue 13 §1) on the pages: one index over everyone, built only
 * while a page that shows suggestions is open, after that page has painted, and
 * again only when people, communities, offers or interactions change (about
 * 300 ms for 10,000 people). Each suggestion shows its reason as text, with
 * Accept (an ordinary link, undoable) and Dismiss (remembered in the document,
 * undoable).
 */
import { A } from '@solidjs/router';
import {
  createContext,
  createEffect,
  createMemo,
  createSignal,
  For,
  onCleanup,
  Show,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import type {
  Community,
  CommunityId,
  Contact,
  ContactId,
  Objective,
  ObjectiveId,
  Offer,
  OfferId,
} from '../../model/index.ts';
import {
  buildHelperIndexInSteps,
  suggestForOffer,
  suggestHelpers,
  suggestIntroductions,
  type CommunitySuggestion,
  type HelperIndex,
  type IntroductionSuggestion,
  type OfferSuggestions as RankedForOffer,
  type Suggestion,
} from '../../model/rules/index.ts';
import { acceptHelper, acceptOfferCommunity, dismissSuggestion, undismissSuggestion } from '../../store/index.ts';
import { showToast } from './toasts.tsx';
import { createCollection, createDismissed, useSpace } from '../space.tsx';
import { TIME_ZONE } from '../clock.ts';
import { yieldToBrowser } from '../../sync/local.ts';
import { createSliced } from '../sliced.ts';

/** Suggestions kept per objective or offer: a few to show, and spares for when one is accepted or dismissed. */
const KEPT = 8;

interface PersonSuggestion {
  objective: Objective;
  suggestion: Suggestion;
}

export interface SuggestionsView {
  /** False until the first index is built (the page paints first). */
  ready: Accessor<boolean>;
  forObjective: (id: ObjectiveId) => Suggestion[];
  forOffer: (id: OfferId) => { people: Suggestion[]; communities: CommunitySuggestion[] };
  forPerson: (id: ContactId) => PersonSuggestion[];
  /** Introductions worth making with this person on either side, best first. */
  introductionsFor: (id: ContactId) => IntroductionSuggestion[];
  /** Introductions worth making anywhere in the network (the Map's hub sentence), best first. */
  introductions: () => IntroductionSuggestion[];
  person: (id: ContactId) => Contact | undefined;
  community: (id: CommunityId) => Community | undefined;
}

const isLive = (e: { deletedAt: string | null; mergedIntoId?: unknown }) => e.deletedAt === null && !e.mergedIntoId;

/** Runs `work` when the browser is idle (or soon, where there is no idle callback); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 400 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}

function createSuggestions(): SuggestionsView {
  const contacts = createCollection('contacts');
  const communities = createCollection('communities');
  const offers = createCollection('offers');
  const objectives = createCollection('objectives');
  const interactions = createCollection('interactions');
  const introductions = createCollection('introductions');
  const dismissed = createDismissed();
  const [index, setIndex] = createSignal<HelperIndex | null>(null);

  // Rebuilt when what the index reads changes; objectives and dismissals are only asked, never indexed.
  let cancel = () => {};
  createEffect(() => {
    const input = {
      contacts: contacts().items,
      communities: communities().items,
      offers: offers().items,
      interactions: interactions().items,
    };
    cancel();
    // Built in short slices (0.6 s of work for 7,000 people on a phone): the page stays responsive meanwhile.
    let stopped = false;
    const stopIdle = whenIdle(() => {
      void buildHelperIndexInSteps({ ...input, now: new Date(), timeZone: TIME_ZONE }, () =>
        stopped ? new Promise<void>(() => undefined) : yieldToBrowser(),
      ).then((built) => {
        if (!stopped) setIndex(built);
      });
    });
    cancel = () => {
      stopped = true;
      stopIdle();
    };
  });
  onCleanup(() => cancel());

  /** Still a suggestion now: the index may be a moment older than a link just made. */
  const current = (s: Suggestion, objectiveId?: ObjectiveId) => {
    const c = contacts().byId.get(s.contactId);
    return c !== undefined && isLive(c) && (objectiveId === undefined || !c.objectiveIds.includes(objectiveId));
  };
  const activeObjectives = createMemo(() => objectives().items.filter((o) => isLive(o) && o.status === 'active'));
  // Ranked one objective or offer per task once the index is in: all of them in one task held the
  // page for a third of a second on a phone. Until then (and while the index is built) none is shown.
  const ranked = createSliced(
    () => ({ hi: index(), objectives: activeObjectives(), offers: offers().items, dismissed: dismissed() }),
    async (i, pause) => {
      const helpers = new Map<ObjectiveId, Suggestion[]>();
      const forOffers = new Map<OfferId, RankedForOffer>();
      if (!i.hi) return { helpers, forOffers };
      for (const o of i.objectives) {
        helpers.set(o.id, suggestHelpers(i.hi, o, { dismissed: i.dismissed, limit: KEPT }));
        await pause();
      }
      for (const o of i.offers) {
        if (!isLive(o) || o.status !== 'active') continue;
        forOffers.set(o.id, suggestForOffer(i.hi, o, { dismissed: i.dismissed, limit: 4 }));
        await pause();
      }
      return { helpers, forOffers };
    },
  );
  const byObjective = createMemo(() => {
    const out = new Map<ObjectiveId, Suggestion[]>();
    for (const [id, list] of ranked()?.helpers ?? [])
      out.set(
        id,
        list.filter((s) => current(s, id)),
      );
    return out;
  });
  const byOffer = createMemo(() => {
    const out = new Map<OfferId, { people: Suggestion[]; communities: CommunitySuggestion[] }>();
    for (const [id, got] of ranked()?.forOffers ?? [])
      out.set(id, {
        people: got.people.filter((s) => current(s)),
        communities: got.communities.filter((c) => communities().byId.get(c.communityId)?.deletedAt === null),
      });
    return out;
  });
  const byPerson = createMemo(() => {
    const out = new Map<ContactId, PersonSuggestion[]>();
    const objectiveById = new Map(activeObjectives().map((o) => [o.id, o]));
    for (const [id, list] of byObjective()) {
      const objective = objectiveById.get(id);
      if (!objective) continue;
      for (const suggestion of list) {
        let mine = out.get(suggestion.contactId);
        if (!mine) out.set(suggestion.contactId, (mine = []));
        mine.push({ objective, suggestion });
      }
    }
    return out;
  });
  /** Both people still here: the index may be a moment older than a trash or merge. */
  const bothLive = (s: IntroductionSuggestion) =>
    [s.seekerId, s.providerId].every((id) => {
      const c = contacts().byId.get(id);
      return c !== undefined && isLive(c);
    });
  const introsFor = (forContactId?: ContactId) => {
    const hi = index();
    if (!hi) return [];
    return suggestIntroductions(hi, {
      dismissed: dismissed(),
      introductions: introductions().items,
      forContactId,
      limit: 3,
    }).filter(bothLive);
  };
  // The whole network's pairs are worked out only when a page asks for them (the Map), not on every page with suggestions.
  let networkCache: { from: readonly unknown[]; value: IntroductionSuggestion[] } | null = null;
  const networkIntros = () => {
    const from = [index(), dismissed(), introductions(), contacts()];
    if (networkCache && from.every((x, i) => x === networkCache!.from[i])) return networkCache.value;
    networkCache = { from, value: introsFor() };
    return networkCache.value;
  };
  return {
    ready: () => index() !== null,
    introductionsFor: (id) => introsFor(id),
    introductions: () => networkIntros(),
    forObjective: (id) => byObjective().get(id) ?? [],
    forOffer: (id) => byOffer().get(id) ?? { people: [], communities: [] },
    forPerson: (id) => byPerson().get(id) ?? [],
    person: (id) => contacts().byId.get(id),
    community: (id) => communities().byId.get(id),
  };
}

const Ctx = createContext<SuggestionsView>();

/** Wraps a page that shows suggestions: the index lives as long as the page. */
export function SuggestionsProvider(props: ParentProps) {
  const view = createSuggestions();
  return <Ctx.Provider value={view}>{props.children}</Ctx.Provider>;
}

/** The page's suggestions; null outside a SuggestionsProvider (then nothing is suggested). */
export const useSuggestions = (): SuggestionsView | null => useContext(Ctx) ?? null;

/** Accept and dismiss, each with an Undo toast. */
function useSuggestionActions() {
  const { doc } = useSpace();
  return {
    acceptHelper(person: Contact, objective: Objective) {
      const op = acceptHelper(doc, person.id, objective.id);
      if (!op) return showToast(`Could not link ${person.name}.`);
      showToast(`${person.name} can help with ${objective.title}.`, { label: 'Undo', run: () => op.undo() });
    },
    dismiss(
      subject: { id: ObjectiveId | OfferId; title: string },
      target: { id: ContactId | CommunityId; name: string },
    ) {
      const at = dismissSuggestion(doc, subject.id, target.id);
      showToast(`${target.name} will not be suggested for ${subject.title} again.`, {
        label: 'Undo',
        run: () => undismissSuggestion(doc, subject.id, target.id, at),
      });
    },
    acceptCommunity(offer: Offer, community: Community) {
      const op = acceptOfferCommunity(doc, offer.id, community.id);
      if (!op) return showToast(`Could not change ${offer.title}.`);
      showToast(`${offer.title} is now meant for ${community.name}.`, { label: 'Undo', run: () => op.undo() });
    },
  };
}

/** One suggestion: who (a link to them), why (as text), and two buttons whose names say who and for what. */
export function SuggestionRow(props: {
  name: string;
  href?: string;
  reason: string;
  /** The accept button's word: "Accept" unless told ("Introduce"). */
  acceptText?: string;
  acceptLabel?: string;
  onAccept?: () => void;
  onDismiss: () => void;
  dismissLabel: string;
}) {
  return (
    <li class="suggestion" data-testid="suggestion">
      <div class="suggestion-text">
        <Show when={props.href} fallback={<strong class="wrap">{props.name}</strong>}>
          {(href) => (
            <A href={href()} class="wrap suggestion-name">
              {props.name}
            </A>
          )}
        </Show>
        <span class="muted small wrap suggestion-reason">{props.reason}</span>
      </div>
      <div class="suggestion-buttons">
        <Show when={props.onAccept}>
          {(accept) => (
            <button type="button" class="small-button" onClick={() => accept()()} aria-label={props.acceptLabel}>
              {props.acceptText ?? 'Accept'}
            </button>
          )}
        </Show>
        <button
          type="button"
          class="small-button quiet"
          onClick={() => props.onDismiss()}
          aria-label={props.dismissLabel}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

/** People who might help with an objective, best first. */
export function HelperSuggestions(props: { objective: Objective; max?: number; heading?: boolean }) {
  const view = useSuggestions();
  const act = useSuggestionActions();
  const list = () => (view ? view.forObjective(props.objective.id).slice(0, props.max ?? 3) : []);
  return (
    <Show when={list().length}>
      <div class="suggestions" data-testid="helper-suggestions">
        <Show when={props.heading !== false}>
          <p class="small muted suggestions-title">Might help, suggested from what you know about them:</p>
        </Show>
        <ul class="suggestion-list">
          <For each={list()}>
            {(s) => {
              const person = () => view?.person(s.contactId);
              return (
                <Show when={person()}>
                  {(p) => (
                    <SuggestionRow
                      name={p().name}
                      href={`/people/${p().id}`}
                      reason={s.reason}
                      acceptLabel={`Accept: ${p().name} can help with ${props.objective.title}`}
                      onAccept={() => act.acceptHelper(p(), props.objective)}
                      dismissLabel={`Dismiss ${p().name} for ${props.objective.title}`}
                      onDismiss={() => act.dismiss(props.objective, p())}
                    />
                  )}
                </Show>
              );
            }}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/**
 * Who would value an offer. Communities can be accepted (the offer becomes meant
 * for them); people only dismissed, since an offer has no link to a person.
 */
export function OfferSuggestions(props: { offer: Offer }) {
  const view = useSuggestions();
  const act = useSuggestionActions();
  const got = () => (view ? view.forOffer(props.offer.id) : { people: [], communities: [] });
  const communities = () => got().communities.slice(0, 3);
  const people = () => got().people.slice(0, 3);
  return (
    <Show when={communities().length || people().length}>
      <div class="suggestions" data-testid="offer-suggestions">
        <p class="small muted suggestions-title">Who would value it most:</p>
        <ul class="suggestion-list">
          <For each={communities()}>
            {(s) => (
              <Show when={view?.community(s.communityId)}>
                {(c) => (
                  <SuggestionRow
                    name={c().name}
                    reason={s.reason}
                    acceptLabel={`Accept: offer ${props.offer.title} to ${c().name}`}
                    onAccept={() => act.acceptCommunity(props.offer, c())}
                    dismissLabel={`Dismiss ${c().name} for ${props.offer.title}`}
                    onDismiss={() => act.dismiss(props.offer, c())}
                  />
                )}
              </Show>
            )}
          </For>
          <For each={people()}>
            {(s) => (
              <Show when={view?.person(s.contactId)}>
                {(p) => (
                  <SuggestionRow
                    name={p().name}
                    href={`/people/${p().id}`}
                    reason={s.reason}
                    dismissLabel={`Dismiss ${p().name} for ${props.offer.title}`}
                    onDismiss={() => act.dismiss(props.offer, p())}
                  />
                )}
              </Show>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** On a person's page: the objectives they could help with, suggested. */
export function PersonSuggestions(props: { person: Contact }) {
  const view = useSuggestions();
  const act = useSuggestionActions();
  const list = () => (view ? view.forPerson(props.person.id) : []);
  return (
    <Show when={list().length}>
      <div class="suggestions" data-testid="person-suggestions">
        <p class="small muted suggestions-title">Could help with, suggested:</p>
        <ul class="suggestion-list">
          <For each={list()}>
            {(s) => (
              <SuggestionRow
                name={s.objective.title}
                reason={s.suggestion.reason}
                acceptLabel={`Accept: ${props.person.name} can help with ${s.objective.title}`}
                onAccept={() => act.acceptHelper(props.person, s.objective)}
                dismissLabel={`Dismiss ${props.person.name} for ${s.objective.title}`}
                onDismiss={() => act.dismiss(s.objective, props.person)}
              />
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
