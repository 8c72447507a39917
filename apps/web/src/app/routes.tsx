import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { ListSkeleton } from '../components/Skeletons';
import { AuthCompletePage } from '../features/auth/AuthCompletePage';
import { SignInPage } from '../features/auth/SignInPage';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequireRole, RoleHome } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';


/** Each screen is its own chunk, loaded on first visit. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const ApiKeysPage = page(() => import('../features/api-keys/ApiKeysPage'), 'ApiKeysPage');
const FirmPage = page(() => import('../features/firm/FirmPage'), 'FirmPage');
const MeetingPage = page(() => import('../features/meetings/MeetingPage'), 'MeetingPage');
const PastMeetingsPage = page(() => import('../features/meetings/PastMeetingsPage'), 'PastMeetingsPage');
const UpcomingMeetingsPage = page(() => import('../features/meetings/UpcomingMeetingsPage'), 'UpcomingMeetingsPage');
const OpsPage = page(() => import('../features/ops/OpsPage'), 'OpsPage');
const PublishedPage = page(() => import('../features/published/PublishedPage'), 'PublishedPage');
const RecordsPage = page(() => import('../features/records/RecordsPage'), 'RecordsPage');
const ReviewQueuePage = page(() => import('../features/review/ReviewQueuePage'), 'ReviewQueuePage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');

const ADVISOR = ['advisor', 'admin'] as const;
const COMPLIANCE = ['compliance_officer', 'admin'] as const;
const ADMIN = ['admin'] as const;
const EVERYONE = ['advisor', 'compliance_officer', 'admin'] as const;

const guard = (roles: readonly ('advisor' | 'compliance_officer' | 'admin')[], element: React.ReactNode) => (
  <RequireRole roles={[...roles]}>
    <Suspense fallback={<ListSkeleton rows={4} />}>{element}</Suspense>
  </RequireRole>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/auth/complete', element: <AuthCompletePage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError inline />,
        element: <Outlet />,
        children: [
          { index: true, element: <RoleHome /> },
          { path: 'meetings/upcoming', element: guard(ADVISOR, <UpcomingMeetingsPage />) },
          { path: 'meetings/past', element: guard(ADVISOR, <PastMeetingsPage />) },
          { path: 'meetings/:meetingId', element: guard(EVERYONE, <MeetingPage />) },
          { path: 'review', element: guard(COMPLIANCE, <ReviewQueuePage />) },
          { path: 'published', element: guard(EVERYONE, <PublishedPage />) },
          { path: 'records', element: guard(COMPLIANCE, <RecordsPage />) },
          { path: 'settings', element: guard(EVERYONE, <SettingsPage />) },
          { path: 'firm', element: guard(ADMIN, <FirmPage />) },
          { path: 'firm/api-keys', element: guard(ADMIN, <ApiKeysPage />) },
          { path: 'ops', element: guard(ADMIN, <OpsPage />) },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
