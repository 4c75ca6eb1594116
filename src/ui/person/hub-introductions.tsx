/**
 * Being a hub, for the Map (issue 13 §3): the introductions worth making
 * across the network, pairs the user alone links first. Self-contained, so the
 * Map can place it under its hub sentence: it uses the page's suggestions when
 * the page has a SuggestionsProvider, and its own otherwise.
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { SuggestionsProvider, useSuggestions, type SuggestionsView } from '../components/suggestions.tsx';
import { IntroductionSuggestionRow, useIntroductionActions } from './introductions.tsx';
import '../plan/plan.css';

export function HubIntroductions(props: { max?: number }) {
  const view = useSuggestions();
  return (
    <Show
      when={view}
      fallback={
        <SuggestionsProvider>
          <HubList max={props.max} />
        </SuggestionsProvider>
      }
    >
      <HubList max={props.max} />
    </Show>
  );
}

function HubList(props: { max?: number }) {
  const view = useSuggestions() as SuggestionsView;
  const act = useIntroductionActions();
  const navigate = useNavigate();
  const list = createMemo(() => view.introductions().slice(0, props.max ?? 3));
  return (
    <Show when={list().length}>
      <div class="suggestions" data-testid="hub-introductions">
        <p class="small muted suggestions-title">Introductions you could make:</p>
        <ul class="suggestion-list">
          <For each={list()}>
            {(s) => (
              <IntroductionSuggestionRow
                suggestion={s}
                name={`${act.nameOf(s.seekerId)} and ${act.nameOf(s.providerId)}`}
                href={`/people/${s.seekerId}`}
                onIntroduce={() => {
                  const id = act.start(s.seekerId, s.providerId);
                  // On the person's page, the messages open ready to edit.
                  if (id) navigate(`/people/${s.seekerId}?draft=${id}`);
                }}
              />
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
