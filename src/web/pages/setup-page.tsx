import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../components/ui/button';
import { Input, Label } from '../components/ui/input';
import { ApiError } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { AuthLayout, FormError } from './auth-layout';

/** First run: create the admin account, then sign in with it. */
export function SetupPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password.length < 8) return setError('The password must be at least 8 characters.');
    setBusy(true);
    setError(null);
    try {
      await endpoints.account.setup(form);
      await endpoints.account.signIn({ email: form.email, password: form.password });
      await client.invalidateQueries();
      await navigate({ to: '/conversations' });
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message} ${err.hint}` : 'Could not create the account. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Welcome to convgen" subtitle="Create the admin account for this workspace. You can invite your team afterwards.">
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className="mb-4">
          <Label htmlFor="name">Your name</Label>
          <Input id="name" autoComplete="name" required value={form.name} onChange={set('name')} autoFocus />
        </div>
        <div className="mb-4">
          <Label htmlFor="email">Email</Label>
          <Input id="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} />
        </div>
        <div className="mb-5">
          <Label htmlFor="password">Password</Label>
          <Input id="password" type="password" autoComplete="new-password" required minLength={8} value={form.password} onChange={set('password')} />
          <p className="mt-1 text-xs text-muted">At least 8 characters.</p>
        </div>
        <Button type="submit" variant="primary" className="w-full justify-center" loading={busy}>
          Create admin account
        </Button>
      </form>
    </AuthLayout>
  );
}
