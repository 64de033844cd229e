/** Emotional arcs: placeholder until the page is built. */
export function ArcsPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Emotional arcs</h1>
    </section>
  );
}
