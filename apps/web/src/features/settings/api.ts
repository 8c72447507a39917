import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';
import { saveDownload } from '../../lib/download';

export const settingsKeys = {
  profile: ['settings', 'profile'] as const,
  googleAccounts: ['settings', 'google-accounts'] as const,
  social: ['settings', 'social-connections'] as const,
  pages: (id: string) => ['settings', 'social-connections', id, 'pages'] as const,
  automations: ['settings', 'automations'] as const,
};

export function useProfile() {
  return useQuery({ queryKey: settingsKeys.profile, queryFn: () => unwrap(api.GET('/api/profile')) });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Dto<'UpdateProfileDto'>) => unwrap(api.PATCH('/api/profile', { body })),
    onSuccess: (profile) => qc.setQueryData(settingsKeys.profile, profile),
  });
}

export function useGoogleAccounts() {
  return useQuery({ queryKey: settingsKeys.googleAccounts, queryFn: () => unwrap(api.GET('/api/google-accounts')) });
}

/** Starts the OAuth dance for one more calendar: the API answers the URL to send the browser to. */
export function useConnectGoogle() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/google-accounts/connect')),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

export function useDisconnectGoogle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/google-accounts/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.googleAccounts }),
  });
}

export function useSocialConnections() {
  return useQuery({ queryKey: settingsKeys.social, queryFn: () => unwrap(api.GET('/api/social/connections')) });
}

export function useConnectSocial() {
  return useMutation({
    mutationFn: (platform: 'linkedin' | 'facebook') =>
      unwrap(api.POST('/api/social/connections/{platform}/connect', { params: { path: { platform } } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

export function useDisconnectSocial() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/social/connections/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.social }),
  });
}

export function useFacebookPages(id: string | null) {
  return useQuery({
    queryKey: settingsKeys.pages(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/social/connections/{id}/pages', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useSelectPage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, pageId }: { id: string; pageId: string }) =>
      unwrap(api.POST('/api/social/connections/{id}/page', { params: { path: { id } }, body: { pageId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.social }),
  });
}

export function useAutomations() {
  return useQuery({ queryKey: settingsKeys.automations, queryFn: () => unwrap(api.GET('/api/automations')) });
}

export function useCreateAutomation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Dto<'CreateAutomationDto'>) => unwrap(api.POST('/api/automations', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.automations }),
  });
}

export function useUpdateAutomation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Dto<'UpdateAutomationDto'> }) =>
      unwrap(api.PATCH('/api/automations/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.automations }),
  });
}

export function useDeleteAutomation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/automations/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.automations }),
  });
}

/** GET /api/privacy/export/me: everything Aftermeet holds about the signed-in user (zip). */
export function useExportMyData() {
  return useMutation({ mutationFn: () => saveDownload(api.GET('/api/privacy/export/me', { parseAs: 'blob' }), 'aftermeet-my-data.zip') });
}
