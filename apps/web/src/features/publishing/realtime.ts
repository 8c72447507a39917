import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { registerRealtime } from '../../lib/realtime/registry';
import { publishingKeys, type Publication } from './api';

type Page = { items: Publication[]; page: unknown };

registerRealtime('publish.status', {
  update: (qc: QueryClient, p) => {
    if (typeof p.publicationId !== 'string') return;
    qc.setQueriesData<Page>({ queryKey: ['publishing', 'list'] }, (page) =>
      page
        ? {
            ...page,
            items: page.items.map((x) => (x.id === p.publicationId ? { ...x, status: p.status as Publication['status'], liveUrl: (p.liveUrl as string | null) ?? x.liveUrl, lastError: (p.error as string | null) ?? x.lastError } : x)),
          }
        : page,
    );
  },
  invalidate: () => [publishingKeys.all],
  notify: (p) => {
    if (p.status === 'published') notifications.show({ color: 'green', title: 'Published', message: `Your ${String(p.platform)} post is live.` });
    if (p.status === 'failed' || p.status === 'needs_check')
      notifications.show({ color: 'red', title: p.status === 'failed' ? 'Post failed' : 'Post needs a check', message: String(p.error ?? 'Open Published for details.'), autoClose: false });
  },
});
