import type { ColumnDef } from '@tanstack/react-table';
import { can, PERMISSIONS, ROLES, type Permission } from '../../../core/roles';
import { DataTable } from '../../components/ui/data-table';
import { Card } from './form';

const PERMISSION_LABELS: Record<Permission, string> = {
  'conversations:read': 'See conversations',
  'conversations:generate': 'Generate conversations',
  'conversations:review': 'Approve and reject conversations',
  'conversations:delete': 'Delete conversations',
  'runs:read': 'See generation runs',
  'runs:manage': 'Start, pause and cancel runs',
  'catalog:read': 'See personas, emotions and topics',
  'catalog:write': 'Add and edit personas, topics and the other catalog values',
  'documents:write': 'Upload, edit and delete source documents',
  'exports:create': 'Export training data',
  'exports:read': 'See the export history',
  'audit:read': 'See the audit trail and reports',
  'settings:read': 'See workspace settings',
  'settings:write': 'Change workspace settings and API keys',
  'users:manage': 'Add users and choose their roles',
};

const PERMISSION_LIST = Object.keys(PERMISSIONS) as Permission[];

const COLUMNS: ColumnDef<Permission>[] = [
  { id: 'permission', header: 'Can…', meta: { rowHeader: true }, cell: ({ row }) => PERMISSION_LABELS[row.original] },
  ...ROLES.map(
    (role): ColumnDef<Permission> => ({
      id: role,
      header: role,
      meta: { align: 'center', headerClassName: 'w-24 capitalize' },
      cell: ({ row }) => (can(role, row.original) ? <span className="font-semibold text-success" aria-label="yes">✓</span> : <span className="text-muted" aria-label="no">–</span>),
    }),
  ),
];

export function PermissionsCard() {
  return (
    <Card id="settings-permissions" title="Permissions" description="What each role can do. Roles are fixed; a user's role decides what they may do.">
      <DataTable data={PERMISSION_LIST} columns={COLUMNS} label="What each role can do" getRowId={(permission) => permission} variant="plain" className="max-w-3xl" />
      <p className="text-xs text-muted">
        Users and their roles are managed by admins through the users API (<code>GET/POST /api/users</code>, which can also send an invitation link) or on the server with{' '}
        <code>convgen user create EMAIL --role ROLE</code>.
      </p>
    </Card>
  );
}
