/** My card (/card): edit what I hand over, show it as a QR code, share it; scan someone else's. */
import { createMemo } from 'solid-js';
import { meSpec, parseValues, type Me } from '../../model/index.ts';
import { CardEditor } from '../card/card-editor.tsx';
import { BackLink } from '../components/back-link.tsx';
import { CardShare } from '../card/card-share.tsx';
import { ScanToAdd } from '../card/scan-to-add.tsx';
import { createMe } from '../space.tsx';

const emptyMe = (): Me => {
  const r = parseValues(meSpec, {});
  if (!r.ok) throw new Error('meSpec has a required field');
  return r.value;
};

export default function Card() {
  const stored = createMe();
  const me = createMemo(() => stored() ?? emptyMe());
  return (
    <section aria-labelledby="card-title">
      <BackLink self="/card" fallback="/settings" />
      <h1 id="card-title">My card</h1>
      <p class="muted">
        What you hand over when you meet someone. It stays on your devices until you show or share it.
      </p>
      <CardShare me={me()} />
      <CardEditor me={me()} />
      <ScanToAdd />
    </section>
  );
}
