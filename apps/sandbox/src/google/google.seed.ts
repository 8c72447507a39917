import { hashInt } from '../core/http';
import { addDays, zonedDate, zonedToUtc } from '../core/time';

export const NY = 'America/New_York';

export interface SeedAccount {
  email: string;
  name: string;
  givenName: string;
  familyName: string;
  hd?: string;
  role: 'advisor' | 'compliance';
  firm: string;
}

export const SEED_ACCOUNTS: SeedAccount[] = [
  { email: 'ann.lee@leewealth.example', name: 'Ann Lee', givenName: 'Ann', familyName: 'Lee', hd: 'leewealth.example', role: 'advisor', firm: 'Lee Wealth Partners' },
  { email: 'marcus.chen@leewealth.example', name: 'Marcus Chen', givenName: 'Marcus', familyName: 'Chen', hd: 'leewealth.example', role: 'advisor', firm: 'Lee Wealth Partners' },
  { email: 'priya.patel@leewealth.example', name: 'Priya Patel', givenName: 'Priya', familyName: 'Patel', hd: 'leewealth.example', role: 'compliance', firm: 'Lee Wealth Partners' },
  { email: 'david.okafor@harborviewfp.example', name: 'David Okafor', givenName: 'David', familyName: 'Okafor', hd: 'harborviewfp.example', role: 'advisor', firm: 'Harborview Financial Planning' },
];

export type Conf = 'meet' | 'zoom_location' | 'zoom_addon' | 'teams_description' | 'webex_description' | 'none';

/** A seeded event, in civil terms relative to "today" in New York. */
export interface EventTemplate {
  key: string;
  /** Calendar-day offset from today (moved off weekends). */
  day: number;
  /** HH:MM local, or 'allday' (with `days` length). */
  time: string;
  minutes?: number;
  days?: number;
  summary: string;
  description?: string;
  conf: Conf;
  clients?: [string, string, ('accepted' | 'needsAction' | 'tentative' | 'declined')?][];
  colleagues?: string[];
  selfStatus?: 'accepted' | 'declined' | 'tentative' | 'needsAction';
  status?: 'confirmed' | 'cancelled' | 'tentative';
  eventType?: 'default' | 'outOfOffice' | 'focusTime';
  visibility?: 'private' | 'default';
  /** Weekly series with this many occurrences. */
  weeklyCount?: number;
  /** Organised by someone else (a colleague's email). */
  organizer?: string;
}

const ADVISOR_EVENTS = (c: (n: number) => [string, string], colleague: string, compliance: string): EventTemplate[] => [
  { key: 'review-1', day: -6, time: '10:00', minutes: 60, summary: `Quarterly review — ${c(0)[0].split(' ')[1]} household`, description: 'Agenda: performance since last quarter, cash needs for the kitchen remodel, rebalancing.', conf: 'meet', clients: [[...c(0), 'accepted'], [...c(1), 'needsAction']] },
  { key: 'retire-1', day: -5, time: '14:00', minutes: 45, summary: `Retirement income plan — ${c(2)[0].split(' ')[1]}`, conf: 'zoom_location', clients: [[...c(2), 'accepted']] },
  { key: 'huddle', day: -4, time: '09:30', minutes: 30, summary: 'Team huddle', description: 'Internal: pipeline and service issues.', conf: 'none', colleagues: [colleague, compliance] },
  { key: 'estate-1', day: -3, time: '11:00', minutes: 60, summary: `Estate planning check-in — ${c(3)[0].split(' ')[1]} family`, conf: 'teams_description', clients: [[...c(3), 'accepted']] },
  { key: 'college-1', day: -2, time: '15:00', minutes: 60, summary: `College savings — ${c(4)[0].split(' ')[1]}`, conf: 'webex_description', clients: [[...c(4), 'accepted'], [...c(5), 'accepted']] },
  { key: 'prospect-1', day: -1, time: '13:00', minutes: 30, summary: `Intro call — ${c(6)[0]} (prospect)`, conf: 'meet', clients: [[...c(6), 'accepted']] },
  { key: 'downturn-1', day: 0, time: '10:00', minutes: 60, summary: `Portfolio review after the downturn — ${c(7)[0].split(' ')[1]}`, conf: 'meet', clients: [[...c(7), 'accepted']] },
  { key: 'training', day: 0, time: '16:00', minutes: 30, summary: 'Compliance training: marketing rule refresher', conf: 'none', organizer: compliance, colleagues: [colleague] },
  { key: 'insurance-1', day: 1, time: '11:00', minutes: 45, summary: `Insurance review — ${c(8)[0].split(' ')[1]}`, conf: 'zoom_location', clients: [[...c(8), 'tentative']] },
  { key: 'conference', day: 2, time: 'allday', days: 1, summary: 'FPA regional conference', conf: 'none' },
  { key: 'tlh-1', day: 3, time: '14:00', minutes: 60, summary: `Tax-loss harvesting — ${c(9)[0].split(' ')[1]}`, conf: 'teams_description', clients: [[...c(9), 'accepted']] },
  { key: 'business-1', day: 4, time: '09:00', minutes: 60, summary: `Business succession planning — ${c(10)[0]}`, conf: 'webex_description', clients: [[...c(10), 'accepted']] },
  { key: 'vendor-demo', day: 5, time: '13:30', minutes: 30, summary: 'Vendor demo: CRM upgrade', conf: 'zoom_location', selfStatus: 'declined', organizer: colleague, clients: [['Sam Rivera', 'sam.rivera@crmvendor.example', 'accepted']] },
  { key: 'lunch-learn', day: 6, time: '12:00', minutes: 60, summary: 'Lunch & learn — annuities', conf: 'meet', status: 'cancelled', colleagues: [colleague] },
  { key: 'doctor', day: 7, time: '08:00', minutes: 60, summary: 'Doctor appointment', conf: 'none', visibility: 'private' },
  { key: 'ooo', day: 8, time: 'allday', days: 2, summary: 'Out of office', conf: 'none', eventType: 'outOfOffice' },
  { key: 'followup-1', day: 9, time: '15:00', minutes: 30, summary: `Follow-up — ${c(2)[0].split(' ')[1]} retirement plan`, conf: 'meet', clients: [[...c(2), 'needsAction']] },
  { key: 'annual-1', day: 11, time: '10:30', minutes: 60, summary: `Annual review — ${c(11)[0].split(' ')[1]}`, conf: 'zoom_addon', clients: [[...c(11), 'accepted'], [...c(12), 'needsAction']] },
  { key: 'retire-2', day: 12, time: '14:30', minutes: 45, summary: `Retirement plan — ${c(13)[0].split(' ')[1]}`, conf: 'zoom_location', clients: [[...c(13), 'tentative']] },
  { key: 'focus', day: 13, time: '09:00', minutes: 120, summary: 'Focus time', conf: 'none', eventType: 'focusTime' },
  { key: 'pipeline', day: -7, time: '08:30', minutes: 30, summary: 'Weekly pipeline meeting', conf: 'meet', colleagues: [colleague], weeklyCount: 4 },
];

const CLIENTS_A: [string, string][] = [
  ['Bob Smith', 'bob.smith@gmail.example'], ['Carol Smith', 'carol.smith@gmail.example'], ['Maria Garcia', 'maria.garcia@outlook.example'],
  ['Thanh Nguyen', 'thanh.nguyen@yahoo.example'], ['Grace Okonkwo', 'grace.okonkwo@gmail.example'], ['Emeka Okonkwo', 'emeka.okonkwo@gmail.example'],
  ['Rachel Kim', 'rachel.kim@icloud.example'], ['Tom Johnson', 'tom.johnson@gmail.example'], ['Luis Martinez', 'luis.martinez@outlook.example'],
  ['Helen Brooks', 'helen.brooks@gmail.example'], ['Rosa Delgado (Delgado Bakery)', 'rosa@delgadobakery.example'], ['Frank Thompson', 'frank.thompson@gmail.example'],
  ['Joan Thompson', 'joan.thompson@gmail.example'], ['Peter Hughes', 'peter.hughes@proton.example'],
];
const CLIENTS_B: [string, string][] = [
  ['Linda Walsh', 'linda.walsh@gmail.example'], ['Kevin Walsh', 'kevin.walsh@gmail.example'], ['Ahmed Hassan', 'ahmed.hassan@outlook.example'],
  ['Mei Wong', 'mei.wong@yahoo.example'], ['Sara Cohen', 'sara.cohen@gmail.example'], ['Dan Cohen', 'dan.cohen@gmail.example'],
  ['Olivia Brown', 'olivia.brown@icloud.example'], ['George Miller', 'george.miller@gmail.example'], ['Nina Petrova', 'nina.petrova@outlook.example'],
  ['Victor Alvarez', 'victor.alvarez@gmail.example'], ['Jim Park (Park Auto Repair)', 'jim@parkauto.example'], ['Ruth Evans', 'ruth.evans@gmail.example'],
  ['Paul Evans', 'paul.evans@gmail.example'], ['Irene Costa', 'irene.costa@proton.example'],
];

const COMPLIANCE_EVENTS = (advisor: string, colleague: string): EventTemplate[] => [
  { key: 'ad-review', day: -3, time: '10:00', minutes: 60, summary: 'Advertising review: Q3 social posts', conf: 'meet', colleagues: [advisor, colleague] },
  { key: 'huddle', day: -1, time: '09:30', minutes: 30, summary: 'Team huddle', conf: 'none', colleagues: [advisor, colleague] },
  { key: 'exam-prep', day: 2, time: '13:00', minutes: 90, summary: 'SEC exam readiness walkthrough', conf: 'teams_description', colleagues: [advisor] },
  { key: 'vendor-dd', day: 5, time: '11:00', minutes: 45, summary: 'Vendor due diligence — archiving provider', conf: 'zoom_location', clients: [['Jo Park', 'jo.park@archivevendor.example', 'accepted']] },
  { key: 'policy', day: 8, time: 'allday', days: 1, summary: 'Annual policy attestation due', conf: 'none' },
];

export function templatesFor(acc: SeedAccount): EventTemplate[] {
  if (acc.role === 'compliance') return COMPLIANCE_EVENTS('ann.lee@leewealth.example', 'marcus.chen@leewealth.example');
  if (acc.email.startsWith('ann.')) return ADVISOR_EVENTS((n) => CLIENTS_A[n], 'marcus.chen@leewealth.example', 'priya.patel@leewealth.example');
  if (acc.email.startsWith('marcus.'))
    return ADVISOR_EVENTS((n) => CLIENTS_B[(n + 7) % CLIENTS_B.length], 'ann.lee@leewealth.example', 'priya.patel@leewealth.example').filter((_, i) => i % 2 === 0);
  return ADVISOR_EVENTS((n) => CLIENTS_B[n], 'office@harborviewfp.example', 'compliance@harborviewfp.example');
}

/** Resolved start/end of a template relative to `nowMs` (weekend days move to the next Monday). */
export function resolveTemplate(t: EventTemplate, nowMs: number): { startMs: number; endMs: number; allDay?: { start: string; end: string; startMs: number; endMs: number } } {
  const today = zonedDate(nowMs, NY);
  let d = addDays(today.y, today.m, today.d, t.day);
  if (d.weekday === 6) d = addDays(d.y, d.m, d.d, 2);
  else if (d.weekday === 0) d = addDays(d.y, d.m, d.d, 1);
  if (t.time === 'allday') {
    const end = addDays(d.y, d.m, d.d, t.days ?? 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    const startMs = zonedToUtc(d.y, d.m, d.d, 0, 0, NY);
    const endMs = zonedToUtc(end.y, end.m, end.d, 0, 0, NY);
    return { startMs, endMs, allDay: { start: `${d.y}-${pad(d.m)}-${pad(d.d)}`, end: `${end.y}-${pad(end.m)}-${pad(end.d)}`, startMs, endMs } };
  }
  const [h, m] = t.time.split(':').map(Number);
  const startMs = zonedToUtc(d.y, d.m, d.d, h, m, NY);
  return { startMs, endMs: startMs + (t.minutes ?? 60) * 60_000 };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export function meetCode(seed: string): string {
  let h = hashInt(seed);
  const pick = (n: number) =>
    Array.from({ length: n }, () => {
      const c = LETTERS[h % 26];
      h = Math.floor(h / 26) + 7919 * (c.charCodeAt(0) + 1);
      return c;
    }).join('');
  return `${pick(3)}-${pick(4)}-${pick(3)}`;
}

export function zoomId(seed: string): string {
  return String(8_000_000_000 + (hashInt('zoom' + seed) % 999_999_999));
}

/** Google-style event id: base32hex characters (a-v, 0-9), 26 long. */
export function eventId(seed: string): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  let out = '';
  for (let i = 0; out.length < 26; i++) {
    let h = hashInt(`${seed}#${i}`);
    for (let j = 0; j < 6 && out.length < 26; j++) {
      out += alphabet[h % 32];
      h = Math.floor(h / 32);
    }
  }
  return out;
}
