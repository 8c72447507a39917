import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';

export const recordsKeys = {
  audit: ['records', 'audit'] as const,
  verify: ['records', 'verify'] as const,
};

export const useAuditTrail = () => useQuery({ queryKey: recordsKeys.audit, queryFn: () => unwrap(api.GET('/api/audit')) });

export const useVerifyChain = () => useQuery({ queryKey: recordsKeys.verify, queryFn: () => unwrap(api.GET('/api/audit/verify')), staleTime: 0 });

/** GET /api/compliance/records/export as a file download (CSV or PDF). */
export function useExportRecords() {
  return useMutation({
    mutationFn: ({ format, from, to }: { format: 'csv' | 'pdf'; from: string; to: string }) =>
      saveDownload(api.GET('/api/compliance/records/export', { params: { query: { format, from, to } }, parseAs: 'blob' }), `aftermeet-records-${from}-to-${to}.${format}`),
  });
}

/** POST /api/privacy/delete-client: destroys the keys of one client's meeting data; records stay. */
export function useDeleteClientData() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/privacy/delete-client', { body: { email } })),
  });
}

/** GET /api/privacy/export/client: one client's data across the firm's meetings, zipped (JSON + transcripts). */
export function useExportClientData() {
  return useMutation({
    mutationFn: (email: string) =>
      saveDownload(api.GET('/api/privacy/export/client', { params: { query: { email } }, parseAs: 'blob' }), `aftermeet-client-${email.replace(/[^a-z0-9]+/gi, '-')}.zip`),
  });
}
