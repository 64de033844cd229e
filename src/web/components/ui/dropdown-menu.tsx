import * as Radix from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ReactNode } from 'react';

export const DropdownMenu = Radix.Root;
export const DropdownMenuTrigger = Radix.Trigger;

export function DropdownMenuContent({ children, align = 'end' }: { children: ReactNode; align?: 'start' | 'end' }) {
  return (
    <Radix.Portal>
      <Radix.Content align={align} sideOffset={6} className="z-50 min-w-48 rounded-lg border border-border bg-surface p-1 shadow-lg">
        {children}
      </Radix.Content>
    </Radix.Portal>
  );
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return <Radix.Label className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-muted">{children}</Radix.Label>;
}

export function DropdownMenuCheckboxItem({ checked, onCheckedChange, children }: { checked: boolean; onCheckedChange: (v: boolean) => void; children: ReactNode }) {
  return (
    <Radix.CheckboxItem
      checked={checked}
      onCheckedChange={onCheckedChange}
      onSelect={(e) => e.preventDefault()}
      className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-surface-muted"
    >
      <span className="flex h-4 w-4 items-center justify-center rounded border border-border bg-surface">
        <Radix.ItemIndicator>
          <Check className="h-3 w-3 text-primary" />
        </Radix.ItemIndicator>
      </span>
      {children}
    </Radix.CheckboxItem>
  );
}

export function DropdownMenuItem({ onSelect, children }: { onSelect: () => void; children: ReactNode }) {
  return (
    <Radix.Item onSelect={onSelect} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-surface-muted">
      {children}
    </Radix.Item>
  );
}

export const DropdownMenuSeparator = () => <Radix.Separator className="my-1 h-px bg-border" />;
