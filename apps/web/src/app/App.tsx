import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { refreshSession } from '../lib/api/client';
import { sessionStore } from '../lib/auth/session-store';
import { createQueryClient } from './query-client';
import { router } from './routes';
import { theme } from './theme';

/** On load the access token is gone (memory only): ask the refresh cookie for a new one. */
function useBootstrapSession() {
  useEffect(() => {
    if (window.location.pathname.startsWith('/auth/complete')) return; // that page refreshes itself
    if (sessionStore.getState().status === 'unknown') void refreshSession();
  }, []);
}

export function App() {
  const [client] = useState(createQueryClient);
  useBootstrapSession();
  useEffect(() => sessionStore.subscribe(() => {
    if (sessionStore.getState().status === 'anonymous') client.clear();
  }), [client]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
