export default function Page() {
  return (
    <section>
      <h1>Map</h1>
    </section>
  );
}
