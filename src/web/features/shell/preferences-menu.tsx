import { Settings2 } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '../../components/ui/dropdown-menu';
import { usePreferences } from '../../lib/preferences';

const TOAST_SECONDS = [3, 5, 10, 20];

/** Your own view settings: how long messages stay, pages or infinite scroll, auto-advance. */
export function PreferencesMenu() {
  const [prefs, change] = usePreferences();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button size="sm" variant="secondary" aria-label="View preferences">
          <Settings2 className="h-3.5 w-3.5" aria-hidden /> <span className="hidden @3xl:inline">View</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Rows</DropdownMenuLabel>
        <DropdownMenuCheckboxItem checked={!prefs.infiniteScroll} onCheckedChange={() => change({ infiniteScroll: false })}>
          Pages
        </DropdownMenuCheckboxItem>
        <DropdownMenuCheckboxItem checked={prefs.infiniteScroll} onCheckedChange={() => change({ infiniteScroll: true })}>
          Infinite scroll
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Messages stay for</DropdownMenuLabel>
        {TOAST_SECONDS.map((s) => (
          <DropdownMenuCheckboxItem key={s} checked={prefs.toastSeconds === s} onCheckedChange={() => change({ toastSeconds: s })}>
            {s} seconds
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuCheckboxItem checked={prefs.autoAdvance} onCheckedChange={(on) => change({ autoAdvance: on })}>
          Auto-advance after a review
        </DropdownMenuCheckboxItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
