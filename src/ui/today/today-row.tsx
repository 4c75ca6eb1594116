/** One Today item as one compact row: who, one line of context, when; Done; the rest behind ⋯. */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { ContactId, IsoDate } from '../../model/index.ts';
import type { TodayItem } from '../../model/rules/index.ts';
import { RowMenu, type RowAction } from '../components/row-menu.tsx';

const isLate = (item: TodayItem, today: IsoDate) => 'dueOn' in item && item.dueOn < today;

export function TodayRow(props: {
  item: TodayItem;
  today: IsoDate;
  onDone: () => void;
  onLog: () => void;
  onSnooze: () => void;
  onOpen: (id: ContactId) => void;
}) {
  const person = () => props.item.contactIds[0];
  const actions = (): RowAction[] => {
    const item = props.item;
    const list: RowAction[] = [];
    if (item.contactIds.length)
      list.push({ label: 'Log interaction', ariaLabel: `Log interaction: ${item.reason}`, run: props.onLog });
    list.push({ label: 'Snooze', ariaLabel: `Snooze: ${item.reason}`, run: props.onSnooze });
    const id = person();
    if (id !== undefined) list.push({ label: 'Open their page', run: () => props.onOpen(id) });
    return list;
  };
  const text = () => (
    <>
      <span class="today-title truncate">{props.item.title}</span>
      <span class="today-context truncate">
        <span class="today-when">{props.item.when}</span>
        <Show when={props.item.context}> · {props.item.context}</Show>
      </span>
    </>
  );
  return (
    <li
      class="today-item"
      data-testid="today-item"
      data-late={isLate(props.item, props.today) ? '' : undefined}
      title={props.item.reason}
    >
      <Show when={person()} fallback={<span class="today-text">{text()}</span>}>
        {(id) => (
          <A class="today-text" href={`/people/${id()}`} aria-label={props.item.reason}>
            {text()}
          </A>
        )}
      </Show>
      <button type="button" class="primary" onClick={() => props.onDone()} aria-label={`Done: ${props.item.reason}`}>
        Done
      </button>
      <RowMenu label={`More for ${props.item.title}`} actions={actions()} />
    </li>
  );
}
