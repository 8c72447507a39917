import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { PUBLISHING_QUEUE } from '../src/modules/publishing/publishing.jobs';
import { SignedIn, Stack } from './stack';
import { until } from './utils';

export { until };

export const as = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });

/** Follows the provider's consent redirect back to our public callback, as a browser does; returns the SPA landing URL. */
async function followConsent(stack: Stack, url: string): Promise<URL> {
  const consent = await request(url).get('').redirects(0);
  if (consent.status !== 302) throw new Error(`consent answered ${consent.status}: ${consent.text.slice(0, 200)}`);
  const callback = new URL(consent.headers.location.replace(/#_=_$/, ''));
  const done = await request(stack.api.url).get(callback.pathname + callback.search).redirects(0);
  if (done.status !== 302) throw new Error(`callback answered ${done.status}: ${done.text.slice(0, 200)}`);
  return new URL(done.headers.location);
}

/** Connects the advisor's sandbox LinkedIn member through the real OAuth flow; returns the connection id. */
export async function connectLinkedIn(stack: Stack, who: SignedIn): Promise<string> {
  await request(stack.sandboxUrl).post('/__admin/linkedin/members').send({ email: who.user.email, name: who.user.name }).expect(201);
  const start = await request(stack.api.url).post('/api/social/connections/linkedin/connect').set(as(who)).expect(201);
  const landing = await followConsent(stack, `${start.body.data.url}&sandbox_auto=1&login_hint=${encodeURIComponent(who.user.email)}`);
  const id = landing.searchParams.get('id');
  if (landing.searchParams.get('connected') !== 'linkedin' || !id) throw new Error(`LinkedIn connect failed: ${landing.toString()}`);
  return id;
}

/** Connects Facebook and picks a Page (the sandbox user must have a role on it); returns the connection id. */
export async function connectFacebookPage(stack: Stack, who: SignedIn, pageId: string): Promise<string> {
  const start = await request(stack.api.url).post('/api/social/connections/facebook/connect').set(as(who)).expect(201);
  const landing = await followConsent(stack, `${start.body.data.url}&sandbox_auto=1&login_hint=${encodeURIComponent(who.user.email)}&sandbox_pages=${pageId}`);
  const pick = landing.searchParams.get('pick');
  if (landing.searchParams.get('connected') !== 'facebook' || !pick) throw new Error(`Facebook connect failed: ${landing.toString()}`);
  const pages = await request(stack.api.url).get(`/api/social/connections/${pick}/pages`).set(as(who)).expect(200);
  if (!pages.body.data.some((p: { id: string; canPost: boolean }) => p.id === pageId && p.canPost)) throw new Error(`page ${pageId} not offered: ${JSON.stringify(pages.body.data)}`);
  const chosen = await request(stack.api.url).post(`/api/social/connections/${pick}/page`).set(as(who)).send({ pageId }).expect(200);
  return chosen.body.data.id as string;
}

/** A post the compliance engine auto-approves (clean text); returns its content id. */
export async function approvedPost(stack: Stack, who: SignedIn, text: string, platform: 'linkedin' | 'facebook' = 'linkedin'): Promise<string> {
  const contentId = randomUUID();
  const out = await stack.api.app.get(ComplianceService).submit({ contentId, firmId: who.user.firmId, advisorId: who.user.id, platform, text, authorType: 'user', authorUserId: who.user.id });
  if (out.status !== 'auto_approved') throw new Error(`expected auto-approval, got ${out.status} for: ${text} (${JSON.stringify(out.validation.flags.map((f) => f.ruleId))})`);
  return contentId;
}

export function publishingQueue(stack: Stack): Queue {
  return stack.api.app.get<Queue>(getQueueToken(PUBLISHING_QUEUE), { strict: false });
}

export async function statuses(stack: Stack, ids?: string[]): Promise<Record<string, number>> {
  const ds = stack.api.app.get(DataSource);
  const rows: { status: string; n: string }[] = ids
    ? await ds.query(`SELECT status, count(*) n FROM publication WHERE id = ANY($1) GROUP BY status`, [ids])
    : await ds.query(`SELECT status, count(*) n FROM publication GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export interface InspectorPosts {
  linkedin: { urn: string; member: string; text: string; visible: boolean; truncated: boolean }[];
  facebook: { id: string; page: string; message: string | null }[];
  http: { provider: string; kind: string; payload: { method: string; path: string; status: number } }[];
}

export async function inspector(stack: Stack): Promise<InspectorPosts> {
  const res = await request(stack.sandboxUrl).get('/__inspector.json?http=1').expect(200);
  return {
    linkedin: res.body.providers.linkedin.posts,
    facebook: res.body.providers.facebook.posts,
    http: res.body.records.filter((r: { kind: string }) => r.kind === 'http'),
  };
}
