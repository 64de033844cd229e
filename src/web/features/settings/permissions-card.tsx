import { can, PERMISSIONS, ROLES, type Permission } from '../../../accounts/roles';
import { Card } from './form';

const PERMISSION_LABELS: Record<Permission, string> = {
  'conversations:read': 'See conversations',
  'conversations:generate': 'Generate conversations',
  'conversations:review': 'Approve and reject conversations',
  'conversations:delete': 'Delete conversations',
  'runs:read': 'See generation runs',
  'runs:manage': 'Start, pause and cancel runs',
  'catalog:read': 'See personas, emotions and topics',
  'exports:create': 'Export training data',
  'exports:read': 'See the export history',
  'audit:read': 'See the audit trail and reports',
  'settings:read': 'See workspace settings',
  'settings:write': 'Change workspace settings and API keys',
  'users:manage': 'Add users and choose their roles',
};


export function PermissionsCard() {
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  return (
    <Card id="settings-permissions" title="Permissions" description="What each role can do. Roles are fixed; a user's role decides what they may do.">
      <div className="overflow-x-auto">
        <table className="w-full max-w-3xl text-sm" aria-label="What each role can do">
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Can…
              </th>
              {ROLES.map((role) => (
                <th key={role} scope="col" className="w-24 px-3 py-1.5 text-center font-medium capitalize">
                  {role}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((permission) => (
              <tr key={permission} className="border-b border-border last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {PERMISSION_LABELS[permission]}
                </th>
                {ROLES.map((role) => (
                  <td key={role} className="px-3 py-1.5 text-center">
                    {can(role, permission) ? <span className="font-semibold text-success" aria-label="yes">✓</span> : <span className="text-muted" aria-label="no">–</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">
        Users and their roles are managed by admins through the users API (<code>GET/POST /api/users</code>, which can also send an invitation link) or on the server with{' '}
        <code>convgen user create EMAIL --role ROLE</code>.
      </p>
    </Card>
  );
}
