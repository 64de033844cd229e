import { useState, type FormEvent } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../components/ui/button';
import { Input, Label } from '../components/ui/input';
import { ApiError } from '../lib/api';
import { endpoints, queries } from '../lib/endpoints';
import { AuthLayout, FormError } from './auth-layout';

/** An invited user chooses a password, then is signed in. */
export function InvitePage() {
  const { token } = useSearch({ from: '/invite' });
  const navigate = useNavigate();
  const client = useQueryClient();
  const invitation = useQuery({ ...queries.invitation(token), retry: false, enabled: token.length > 0 });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 8) return setError('The password must be at least 8 characters.');
    setBusy(true);
    setError(null);
    try {
      const { email } = await endpoints.account.acceptInvitation({ token, password });
      await endpoints.account.signIn({ email, password });
      await client.invalidateQueries();
      await navigate({ to: '/conversations' });
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message} ${err.hint}` : 'Could not set the password. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (invitation.error || !token) {
    const err = invitation.error;
    return (
      <AuthLayout title="Invitation" subtitle="">
        <FormError message={err instanceof ApiError ? `${err.message} ${err.hint}` : 'This invitation link is incomplete. Open the full link your admin sent you.'} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={invitation.data ? `Welcome, ${invitation.data.name}` : 'Welcome'} subtitle={invitation.data ? `Choose a password for ${invitation.data.email}.` : 'Checking your invitation…'}>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className="mb-5">
          <Label htmlFor="password">New password</Label>
          <Input id="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          <p className="mt-1 text-xs text-muted">At least 8 characters.</p>
        </div>
        <Button type="submit" variant="primary" className="w-full justify-center" loading={busy} disabled={!invitation.data}>
          Set password and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
