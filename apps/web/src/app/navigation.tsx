import type { ReactNode } from 'react';
import {
  IconBuilding,
  IconCalendarEvent,
  IconChecklist,
  IconHistory,
  IconKey,
  IconArchive,
  IconServer2,
  IconSettings,
  IconSpeakerphone,
} from '@tabler/icons-react';
import type { Role } from '../lib/auth/session-store';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
  testId: string;
}
export interface NavGroup {
  label: string;
  items: NavItem[];
}

const ALL: Role[] = ['advisor', 'compliance_officer', 'admin'];

/** The screens of architecture.md, by role. Admins see every screen of their firm. */
export const NAV: NavGroup[] = [
  {
    label: 'Meetings',
    items: [
      { path: '/meetings/upcoming', label: 'Upcoming meetings', icon: <IconCalendarEvent size={18} />, roles: ['advisor', 'admin'], testId: 'nav-upcoming' },
      { path: '/meetings/past', label: 'Past meetings', icon: <IconHistory size={18} />, roles: ['advisor', 'admin'], testId: 'nav-past' },
    ],
  },
  {
    label: 'Content',
    items: [
      { path: '/review', label: 'Review queue', icon: <IconChecklist size={18} />, roles: ['compliance_officer', 'admin'], testId: 'nav-review' },
      { path: '/published', label: 'Published', icon: <IconSpeakerphone size={18} />, roles: ALL, testId: 'nav-published' },
      { path: '/records', label: 'Records', icon: <IconArchive size={18} />, roles: ['compliance_officer', 'admin'], testId: 'nav-records' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { path: '/firm', label: 'Firm', icon: <IconBuilding size={18} />, roles: ['admin'], testId: 'nav-firm' },
      { path: '/firm/api-keys', label: 'API keys', icon: <IconKey size={18} />, roles: ['admin'], testId: 'nav-api-keys' },
      { path: '/ops', label: 'Ops', icon: <IconServer2 size={18} />, roles: ['admin'], testId: 'nav-ops' },
    ],
  },
  {
    label: 'Account',
    items: [{ path: '/settings', label: 'Settings', icon: <IconSettings size={18} />, roles: ALL, testId: 'nav-settings' }],
  },
];

export function navFor(role: Role): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => i.roles.includes(role)) })).filter((g) => g.items.length > 0);
}

export function homeFor(role: Role): string {
  if (role === 'compliance_officer') return '/review';
  return '/meetings/upcoming';
}
