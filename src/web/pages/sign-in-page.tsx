import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../components/ui/button';
import { Input, Label } from '../components/ui/input';
import { ApiError } from '../lib/api';
import { endpoints, queryKeys } from '../lib/endpoints';
import { AuthLayout, FormError } from './auth-layout';

export function SignInPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await endpoints.account.signIn({ email, password });
      await client.invalidateQueries({ queryKey: queryKeys.me() });
      await navigate({ to: '/conversations' });
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message} ${err.hint}` : 'Sign-in failed. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sign in" subtitle="Use the account your workspace admin gave you.">
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className="mb-4">
          <Label htmlFor="email">Email</Label>
          <Input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </div>
        <div className="mb-5">
          <Label htmlFor="password">Password</Label>
          <Input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <Button type="submit" variant="primary" className="w-full justify-center" loading={busy}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
