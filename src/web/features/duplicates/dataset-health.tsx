/** Near-duplicates, diversity (distinct-n, vocabulary) and the LLM judge's agreement with reviewers. */
export function DatasetHealth() {
  return <p className="text-sm text-muted">Dataset health is being built.</p>;
}
