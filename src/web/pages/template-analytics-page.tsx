/** Template analytics: placeholder until the page is built. */
export function TemplateAnalyticsPage() {
  return (
    <section className="p-5">
      <h1 className="text-xl font-semibold">Template analytics</h1>
    </section>
  );
}
