/** Tiers: placeholder until the page is built. */
export function TiersPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Tiers</h1>
    </section>
  );
}
