import { Toaster } from 'sonner';
import { usePreferences } from '../lib/preferences';

/** Toasts stack at the bottom (five at most in view) and stay as long as the user prefers. */
export function AppToaster() {
  const [prefs] = usePreferences();
  return <Toaster position="bottom-center" richColors closeButton visibleToasts={5} duration={prefs.toastSeconds * 1000} />;
}
