import { Tooltip } from '@mantine/core';
import { IconBrandFacebook, IconBrandLinkedin, IconVideo } from '@tabler/icons-react';

export type MeetingPlatform = 'zoom' | 'google_meet' | 'microsoft_teams' | 'webex' | string;

export const PLATFORM_LABEL: Record<string, string> = {
  zoom: 'Zoom',
  google_meet: 'Google Meet',
  microsoft_teams: 'Microsoft Teams',
  webex: 'Webex',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
};

/** Small inline marks in each platform's colours (drawn here, not vendor artwork). */
function Mark({ platform, size }: { platform: string; size: number }) {
  switch (platform) {
    case 'zoom':
      return (
        <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden>
          <rect width="32" height="32" rx="8" fill="#2D8CFF" />
          <rect x="6" y="11" width="14" height="10" rx="2.5" fill="#fff" />
          <path d="M21 14.5 26 11.5v9L21 17.5z" fill="#fff" />
        </svg>
      );
    case 'google_meet':
      return (
        <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden>
          <rect width="32" height="32" rx="8" fill="#fff" stroke="#dadce0" />
          <rect x="6" y="10" width="14" height="12" rx="2" fill="#00832D" />
          <rect x="6" y="10" width="7" height="12" rx="2" fill="#0066DA" />
          <rect x="6" y="16" width="14" height="6" rx="2" fill="#2684FC" opacity=".9" />
          <path d="M20 14l6-4v12l-6-4z" fill="#00AC47" />
          <rect x="17" y="10" width="3" height="4" fill="#FFBA00" />
        </svg>
      );
    case 'microsoft_teams':
      return (
        <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden>
          <rect width="32" height="32" rx="8" fill="#5059C9" />
          <circle cx="23" cy="10" r="3" fill="#7B83EB" />
          <rect x="19" y="14" width="8" height="9" rx="3" fill="#7B83EB" />
          <rect x="5" y="9" width="15" height="15" rx="2" fill="#fff" />
          <path d="M8.5 12.5h8M12.5 12.5V21" stroke="#5059C9" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      );
    case 'webex':
      return (
        <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden>
          <rect width="32" height="32" rx="8" fill="#07C160" />
          <circle cx="16" cy="16" r="9" fill="#fff" />
          <path d="M10.5 13.5l2 6 2.2-5 1.3 3 1.3-3 2.2 5 2-6" fill="none" stroke="#0A6ED1" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
      );
    case 'linkedin':
      return <IconBrandLinkedin size={size} color="#0A66C2" aria-hidden />;
    case 'facebook':
      return <IconBrandFacebook size={size} color="#1877F2" aria-hidden />;
    default:
      return <IconVideo size={size} color="var(--mantine-color-gray-6)" aria-hidden />;
  }
}

export function PlatformLogo({ platform, size = 28 }: { platform: MeetingPlatform | null | undefined; size?: number }) {
  const p = platform ?? 'unknown';
  const label = PLATFORM_LABEL[p] ?? 'No video link';
  return (
    <Tooltip label={label}>
      <span role="img" aria-label={label} data-testid={`platform-${p}`} style={{ display: 'inline-flex', lineHeight: 0 }}>
        <Mark platform={p} size={size} />
      </span>
    </Tooltip>
  );
}
