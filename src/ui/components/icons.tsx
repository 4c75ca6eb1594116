/** Line icons drawn inline (no icon font, no network). Always decorative: the text beside names the control. */
import { ICON_PATHS as paths } from './icon-paths.ts';

export type IconName = keyof typeof paths;

export function Icon(props: { name: IconName; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={props.size ?? 22}
      height={props.size ?? 22}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d={paths[props.name]} />
    </svg>
  );
}
