import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { AppToaster } from './components/app-toaster';
import { TooltipProvider } from './components/ui/tooltip';
import { ApiError } from './lib/api';
import { buildRouter } from './router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only what can succeed on a second try (network blips, 5xx), never 4xx.
      retry: (count, err) => count < 2 && (!(err instanceof ApiError) || err.retryable),
      refetchOnWindowFocus: false,
    },
  },
});
const router = buildRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <RouterProvider router={router} />
        <AppToaster />
      </TooltipProvider>
    </QueryClientProvider>
  </StrictMode>,
);
