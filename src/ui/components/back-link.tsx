/** "← Today", "← People"…: back to where the user came from (see back.ts), else to `fallback`. */
import { A } from '@solidjs/router';
import { backLink } from '../back.ts';

export function BackLink(props: { self: string; fallback: string }) {
  const back = () => backLink(props.self, props.fallback);
  return (
    <p class="small">
      <A
        class="back-link"
        href={back().href}
        onClick={(e) => {
          if (!back().viaHistory) return;
          e.preventDefault();
          history.back();
        }}
      >
        ← {back().label}
      </A>
    </p>
  );
}
