export default function Page() {
  return (
    <section>
      <h1>Settings</h1>
    </section>
  );
}
