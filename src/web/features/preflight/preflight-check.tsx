import type { ExportRequestInput } from '../../../contract/exports';

/** Trainer preflight before writing the file: token lengths against a base model's limit. */
export function PreflightCheck(_props: { request: ExportRequestInput }) {
  return null;
}
