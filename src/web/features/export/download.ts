import type { ExportRequestInput } from '../../../contract/exports';
import { endpoints } from '../../lib/endpoints';

/**
 * Starts an export download the way a browser downloads best: a form post, so the file streams
 * to disk however big it is, instead of into a page's memory.
 */
export function downloadExport(request: ExportRequestInput, url = endpoints.exports.downloadUrl) {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  form.style.display = 'none';
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'request';
  field.value = JSON.stringify(request);
  form.appendChild(field);
  document.body.appendChild(form);
  form.submit();
  form.remove();
}
