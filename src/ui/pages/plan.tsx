export default function Page() {
  return (
    <section>
      <h1>Plan</h1>
    </section>
  );
}
