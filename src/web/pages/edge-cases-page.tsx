/** Edge cases: placeholder until the page is built. */
export function EdgeCasesPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Edge cases</h1>
    </section>
  );
}
