import { AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Logo } from '../components/Logo';
import { useSignOut } from '../features/auth/api';
import { StatusIndicator } from '../features/health/StatusIndicator';
import { ROLE_LABEL, useCurrentUser } from '../lib/auth/use-session';
import { useRealtime, type RealtimeStatus } from '../lib/realtime/use-realtime';
import { navFor } from './navigation';
import './realtime-handlers';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

function LiveBadge({ status }: { status: RealtimeStatus }) {
  if (status === 'open') return null;
  const label = status === 'off' ? 'Live updates off' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <Tooltip label="Pages still work; they refresh when the live connection is back.">
      <Badge color="gray" variant="outline" tt="none" data-testid="realtime-status" data-status={status} visibleFrom="sm">
        {label}
      </Badge>
    </Tooltip>
  );
}

export function AppLayout() {
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const live = useRealtime(true);

  const groups = navFor(user.role);
  // The most specific nav entry wins, so /firm/api-keys lights up "API keys" and not also "Firm".
  const activePath = groups
    .flatMap((g) => g.items.map((i) => i.path))
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => navigate('/sign-in', { replace: true }),
    });

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'xl' }}>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="Aftermeet home">
              <Logo />
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="md" ml="xs" pl="sm" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }} data-testid="firm-name">
              {user.firmName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveBadge status={live} />
            <StatusIndicator />
            <Menu position="bottom-end" width={260} shadow="md">
              <Menu.Target>
                <UnstyledButton data-testid="account-menu" px={6} py={4} style={{ borderRadius: 8 }}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar src={user.pictureUrl ?? undefined} alt={user.name} radius="xl" size={32} color="navy">
                      {initials(user.name || user.email)}
                    </Avatar>
                    <Stack gap={0} visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {ROLE_LABEL[user.role]}
                      </Text>
                    </Stack>
                    <IconChevronDown size={14} color="var(--mantine-color-gray-6)" />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Stack gap={2} px="sm" py="xs">
                  <Text size="sm" fw={600}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                  <Group gap={6} mt={6}>
                    <Badge size="sm" data-testid="account-role">{ROLE_LABEL[user.role]}</Badge>
                    <Text size="xs" c="dimmed" data-testid="account-firm">
                      {user.firmName}
                    </Text>
                  </Group>
                </Stack>
                <Menu.Divider />
                <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
                  Settings
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onSignOut} data-testid="sign-out">
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" data-testid="navbar">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md" mt={4}>
            {groups.map((group) => (
              <Stack key={group.label} gap={2}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={2} style={{ letterSpacing: '0.04em' }}>
                  {group.label}
                </Text>
                {group.items.map((item) => (
                  <NavLink
                    key={item.path}
                    component={Link}
                    to={item.path}
                    label={item.label}
                    leftSection={item.icon}
                    active={item.path === activePath}
                    onClick={close}
                    data-testid={item.testId}
                    style={{ borderRadius: 8 }}
                    fw={500}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            Posts are checked against FINRA 2210 and the SEC Marketing Rule.
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1180, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
