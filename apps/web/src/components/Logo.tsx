import { Group, Text } from '@mantine/core';

export function Logo({ inverted = false, compact = false }: { inverted?: boolean; compact?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden>
        <rect width="32" height="32" rx="8" fill={inverted ? '#ffffff' : '#1c4f8a'} />
        <path d="M9 22 L16 9 L23 22" fill="none" stroke={inverted ? '#1c4f8a' : '#ffffff'} strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="16" cy="19" r="2" fill="#2fb597" />
      </svg>
      {!compact && (
        <Text fw={700} fz={18} c={inverted ? 'white' : 'dark.8'} style={{ letterSpacing: '-0.01em' }}>
          Aftermeet
        </Text>
      )}
    </Group>
  );
}
