import { A } from '@solidjs/router';

export default function NotFound() {
  return (
    <section class="empty">
      <h1>Nothing here</h1>
      <p>This address does not lead to a page of Rapport.</p>
      <A href="/">Go to Today</A>
    </section>
  );
}
