import { Tabs } from '@mantine/core';
import { IconBrandLinkedin, IconCalendar, IconRobot, IconShieldCheck, IconUser } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { humanize } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../../lib/auth/use-session';
import { AutomationsSection } from './AutomationsSection';
import { CalendarsSection } from './CalendarsSection';
import { ComplianceSection } from './ComplianceSection';
import { ProfileSection } from './ProfileSection';
import { SocialSection } from './SocialSection';

export function SettingsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'profile';

  // Back from an OAuth connection: /settings?connected=google, or ?platform=linkedin&connected=… / &error=…
  useEffect(() => {
    const connected = params.get('connected');
    const error = params.get('error');
    if (!connected && !error) return;
    const platform = params.get('platform') ?? connected;
    const name = platform === 'google' ? 'Google calendar' : platform === 'linkedin' ? 'LinkedIn' : platform === 'facebook' ? 'Facebook' : 'Account';
    if (error) notifications.show({ color: 'red', title: `${name} was not connected`, message: `${humanize(error)}. Try again, and accept every permission Aftermeet asks for.` });
    else notifications.show({ color: 'green', title: `${name} connected`, message: params.get('pick') ? 'Now choose the page to post to.' : platform === 'google' ? 'Its meetings appear in Upcoming meetings after the first sync.' : 'Approved posts can be published to it.' });
    setParams({ tab: platform === 'google' ? 'calendars' : 'social' }, { replace: true });
  }, []); // runs once, on arrival
  const advisorish = user.role !== 'compliance_officer';
  return (
    <>
      <PageHeader title="Settings" description="Your profile, the calendars Aftermeet reads, the notetaker, and where your posts go." />
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="profile" leftSection={<IconUser size={16} />} data-testid="settings-tab-profile">
            Profile
          </Tabs.Tab>
          {advisorish && (
            <Tabs.Tab value="calendars" leftSection={<IconCalendar size={16} />} data-testid="settings-tab-calendars">
              Calendars &amp; notetaker
            </Tabs.Tab>
          )}
          {advisorish && (
            <Tabs.Tab value="social" leftSection={<IconBrandLinkedin size={16} />} data-testid="settings-tab-social">
              Social accounts
            </Tabs.Tab>
          )}
          {advisorish && (
            <Tabs.Tab value="automations" leftSection={<IconRobot size={16} />} data-testid="settings-tab-automations">
              Automations
            </Tabs.Tab>
          )}
          <Tabs.Tab value="compliance" leftSection={<IconShieldCheck size={16} />} data-testid="settings-tab-compliance">
            Compliance
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile"><ProfileSection /></Tabs.Panel>
        <Tabs.Panel value="calendars"><CalendarsSection /></Tabs.Panel>
        <Tabs.Panel value="social"><SocialSection /></Tabs.Panel>
        <Tabs.Panel value="automations"><AutomationsSection /></Tabs.Panel>
        <Tabs.Panel value="compliance"><ComplianceSection /></Tabs.Panel>
      </Tabs>
    </>
  );
}
