import { Columns3 } from 'lucide-react';
import type { VisibilityState } from '@tanstack/react-table';
import { Button } from '../../components/ui/button';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from '../../components/ui/dropdown-menu';

export const HIDEABLE_COLUMNS: [string, string][] = [
  ['persona', 'Persona'],
  ['emotion', 'Emotion'],
  ['topic', 'Topic'],
  ['intent', 'Intent'],
  ['tone', 'Tone'],
  ['tier', 'Tier'],
  ['status', 'Status'],
  ['qualityScore', 'Quality'],
  ['tokens', 'Tokens'],
  ['generatedAt', 'Generated'],
];

export function ColumnMenu({ visibility, onChange }: { visibility: VisibilityState; onChange: (v: VisibilityState) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button size="sm" variant="secondary" aria-label="Show or hide columns">
          <Columns3 className="h-3.5 w-3.5" aria-hidden /> <span className="hidden @3xl:inline">Columns</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Visible columns</DropdownMenuLabel>
        {HIDEABLE_COLUMNS.map(([id, label]) => (
          <DropdownMenuCheckboxItem key={id} checked={visibility[id] !== false} onCheckedChange={(on) => onChange({ ...visibility, [id]: on })}>
            {label}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
