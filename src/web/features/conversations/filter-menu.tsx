import { ChevronDown } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from '../../components/ui/dropdown-menu';
import { cn } from '../../lib/cn';

export interface FilterOption {
  value: string;
  label: string;
}

/** A multi-select filter: values within one menu are OR-ed, menus are AND-ed. */
export function FilterMenu({ label, options, selected, onChange }: { label: string; options: FilterOption[]; selected: string[]; onChange: (values: string[]) => void }) {
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button size="sm" variant="secondary" className={cn(selected.length > 0 && 'border-primary/50 bg-primary-soft text-primary')} data-filter={label.toLowerCase()}>
          {label}
          {selected.length > 0 && <span className="rounded-full bg-primary px-1.5 text-[11px] text-white">{selected.length}</span>}
          <ChevronDown className="h-3.5 w-3.5 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        <div className="max-h-72 overflow-y-auto">
          {options.map((o) => (
            <DropdownMenuCheckboxItem key={o.value} checked={selected.includes(o.value)} onCheckedChange={(on) => toggle(o.value, on)}>
              {o.label}
            </DropdownMenuCheckboxItem>
          ))}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
