/** Templates: placeholder until the page is built. */
export function TemplatesPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Templates</h1>
    </section>
  );
}
