/** Scenarios: placeholder until the page is built. */
export function ScenariosPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Scenarios</h1>
    </section>
  );
}
