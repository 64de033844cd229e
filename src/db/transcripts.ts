/**
 * A conversation's transcript: its turns as one JSON text, `[{"role":…,"content":…}]` in turn
 * order, stored in conversation_transcripts next to the turn rows. Exports read it instead of
 * aggregating a dozen turn rows per conversation.
 *
 * Whatever stores turns stores the transcript in the same statement or transaction (generation,
 * the demo seed). A trigger would do it for any writer, but measured on PGlite it cost a third
 * of a run's pace (121–134 → 82–90 conversations/s), so the writers do it themselves.
 */
export function transcriptText(turns: readonly { role: string; content: string }[]): string {
  return JSON.stringify(turns.map(({ role, content }) => ({ role, content })));
}
