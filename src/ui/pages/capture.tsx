export default function Page() {
  return (
    <section>
      <h1>Capture</h1>
    </section>
  );
}
