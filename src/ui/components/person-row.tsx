import type { Contact } from '../../model/index.ts';
import { personSubtitle } from '../../model/rules/index.ts';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function Avatar(props: { name: string }) {
  return (
    <span class="avatar" aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}

/**
 * A plain link (the router follows it all the same): a router <A> costs a dozen reactive
 * computations per row, and scrolling a long list makes and unmakes rows every frame.
 */
export function PersonRow(props: { person: Contact; top: number; height: number; index: number; detail?: string }) {
  return (
    <a
      class="person-row"
      href={`/people/${props.person.id}`}
      style={{ transform: `translateY(${props.top}px)`, height: `${props.height}px` }}
      data-index={props.index}
      data-testid="person-row"
    >
      <Avatar name={props.person.name} />
      <span class="who">
        <strong>{props.person.name}</strong>
        <span>{props.detail ?? personSubtitle(props.person)}</span>
      </span>
    </a>
  );
}
