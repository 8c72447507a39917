import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';

export const firmKeys = {
  firm: ['firm'] as const,
  members: ['firm', 'members'] as const,
  invitations: ['firm', 'invitations'] as const,
  rules: ['firm', 'rules'] as const,
};

export const useFirm = () => useQuery({ queryKey: firmKeys.firm, queryFn: () => unwrap(api.GET('/api/firm')) });
export const useMembers = () => useQuery({ queryKey: firmKeys.members, queryFn: () => unwrap(api.GET('/api/firm/members')) });
export const useInvitations = () => useQuery({ queryKey: firmKeys.invitations, queryFn: () => unwrap(api.GET('/api/firm/invitations')) });
export const useRules = () => useQuery({ queryKey: firmKeys.rules, queryFn: () => unwrap(api.GET('/api/compliance/rules')) });

export function useUpdateFirm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Dto<'UpdateFirmDto'>) => unwrap(api.PATCH('/api/firm', { body })),
    onSuccess: (firm) => qc.setQueryData(firmKeys.firm, firm),
  });
}

export function useChangeRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Dto<'ChangeRoleDto'>['role'] }) =>
      unwrap(api.PATCH('/api/firm/members/{id}', { params: { path: { id } }, body: { role } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: firmKeys.members }),
  });
}

export function useRemoveMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/firm/members/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: firmKeys.members }),
  });
}

export function useInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Dto<'InviteDto'>) => unwrap(api.POST('/api/firm/invitations', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: firmKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/firm/invitations/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: firmKeys.invitations }),
  });
}
