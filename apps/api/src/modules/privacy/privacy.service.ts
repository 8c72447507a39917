import { Inject, Injectable, Logger } from '@nestjs/common';
import archiver from 'archiver';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { DataKeyService } from '../../infra/crypto/data-key.service';
import { AppError } from '../../infra/http/app-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { GoogleAccountsService } from '../auth/google-accounts.service';
import { ProfileService } from '../auth/profile.service';
import { ContentService } from '../content/content.service';
import { MeetingsService } from '../meetings/meetings.service';

export interface ShredResult {
  meetings: number;
  keysDestroyed: number;
  /** Books and records (post versions, decisions, publications) are kept for their retention period. */
  recordsKept: string;
}

const RECORDS_NOTE = 'Books and records (post versions, review decisions, publications and the audit trail) are kept for their regulatory retention period (SEA 17a-4, Advisers Act 204-2); they hold no transcript content.';

/**
 * Data-subject rights: export of a user's data and of one client's data, deletion of a client's
 * data by crypto-shredding (per-meeting keys destroyed, so backups of the ciphertext cannot be read
 * either), and the retention purge. Never removes books and records still under retention.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly meetings: MeetingsService,
    private readonly content: ContentService,
    private readonly profiles: ProfileService,
    private readonly googleAccounts: GoogleAccountsService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async zip(files: { name: string; content: string }[]): Promise<Buffer> {
    const archive = archiver('zip', { zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    archive.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      archive.on('end', () => resolve(Buffer.concat(chunks)));
      archive.on('error', reject);
    });
    for (const f of files) archive.append(f.content, { name: f.name });
    await archive.finalize();
    return done;
  }

  private async log(kind: string, subject: string, result: Record<string, unknown>): Promise<void> {
    const s = currentScope();
    await this.dataSource.query(`INSERT INTO privacy_request (firm_id, requested_by, kind, subject, result) VALUES ($1, $2, $3, $4, $5)`, [s.firmId, s.userId, kind, subject, JSON.stringify(result)]);
    await this.audit.record({ action: `privacy.${kind}`, subjectType: 'privacy', subjectId: subject, data: result });
  }

  /** Everything Aftermeet holds about the signed-in user: JSON files plus one transcript file per meeting. */
  async exportMe(): Promise<Buffer> {
    const s = currentScope();
    const profile = await this.profiles.get(s.userId);
    const accounts = await this.googleAccounts.list();
    const meetings = await this.meetings.exportForAdvisor(s.userId, s.firmId);
    const drafts = await this.content.exportForMeetings(meetings.map((m) => m.meeting.id));
    const audit = await this.dataSource.query(`SELECT occurred_at, action, subject_type, subject_id, data FROM audit_event WHERE actor_id = $1 ORDER BY chain_seq`, [s.userId]);
    const files = [
      { name: 'README.txt', content: `Aftermeet data export for ${profile.email}, ${new Date().toISOString()}.\n${RECORDS_NOTE}\n` },
      { name: 'profile.json', content: JSON.stringify({ profile, googleAccounts: accounts }, null, 2) },
      { name: 'meetings.json', content: JSON.stringify(meetings.map((m) => ({ ...m.meeting, transcriptSegments: m.segments?.length ?? 0 })), null, 2) },
      { name: 'drafts.json', content: JSON.stringify(drafts, null, 2) },
      { name: 'activity.json', content: JSON.stringify(audit, null, 2) },
      ...meetings.filter((m) => m.segments).map((m) => ({ name: `transcripts/${m.meeting.id}.txt`, content: transcriptText(m.segments!) })),
    ];
    await this.log('export_user', s.userId, { meetings: meetings.length, drafts: drafts.length });
    return this.zip(files);
  }

  /** One client's data across the firm's meetings (compliance officers and admins). */
  async exportClient(email: string): Promise<Buffer> {
    const s = currentScope();
    const meetings = await this.meetings.exportForAttendee(email, s.firmId);
    const drafts = await this.content.exportForMeetings(meetings.map((m) => m.meeting.id));
    const files = [
      { name: 'README.txt', content: `Aftermeet data about ${email}, ${new Date().toISOString()}: ${meetings.length} meeting(s).\n${RECORDS_NOTE}\n` },
      { name: 'meetings.json', content: JSON.stringify(meetings.map((m) => m.meeting), null, 2) },
      { name: 'drafts.json', content: JSON.stringify(drafts, null, 2) },
      ...meetings.filter((m) => m.segments).map((m) => ({ name: `transcripts/${m.meeting.id}.txt`, content: transcriptText(m.segments!) })),
    ];
    await this.log('export_client', email.toLowerCase(), { meetings: meetings.length, drafts: drafts.length });
    return this.zip(files);
  }

  /** Deletes a client's meeting data by destroying the meetings' data keys. */
  async deleteClient(email: string): Promise<ShredResult> {
    const s = currentScope();
    const ids = await this.meetings.meetingIdsWithAttendee(email, s.firmId);
    if (ids.length === 0) throw AppError.notFound(`Meeting data for ${email}`);
    const keysDestroyed = await this.shred(ids, `deleted on request of ${email.toLowerCase()}`);
    const result = { meetings: ids.length, keysDestroyed, recordsKept: RECORDS_NOTE };
    await this.log('delete_client', email.toLowerCase(), { meetings: ids.length, keysDestroyed });
    return result;
  }

  private async shred(meetingIds: string[], reason: string): Promise<number> {
    const destroyed = await this.dataKeys.destroy('meeting', meetingIds);
    await this.meetings.markShredded(meetingIds, reason);
    return destroyed;
  }

  /** Daily: meetings older than the firm's retention lose their personal data (books and records untouched). */
  async purgeExpired(now = new Date()): Promise<{ firms: number; meetings: number }> {
    const firms: { id: string; compliance: { transcriptRetentionDays?: number; legalHold?: boolean } }[] = await this.dataSource.query(`SELECT id, compliance FROM firm`);
    let meetings = 0;
    for (const f of firms) {
      if (f.compliance.legalHold) continue;
      const days = f.compliance.transcriptRetentionDays ?? this.config.privacy.defaultRetentionDays;
      const cutoff = new Date(now.getTime() - days * 86400_000);
      const ids = await this.meetings.meetingIdsEndedBefore(f.id, cutoff);
      if (!ids.length) continue;
      await this.shred(ids, `retention period of ${days} days ended`);
      meetings += ids.length;
      await this.audit.record({ action: 'privacy.retention_purge', subjectType: 'firm', subjectId: f.id, firmId: f.id, actor: { type: 'system', id: 'retention' }, data: { meetings: ids.length, retentionDays: days, cutoff: cutoff.toISOString() } });
    }
    if (meetings) this.logger.log({ meetings }, 'retention purge shredded meeting data');
    return { firms: firms.length, meetings };
  }
}

function transcriptText(segments: { speaker: string | null; start: number | null; text: string }[]): string {
  const t = (sec: number | null) => {
    const v = Math.max(0, Math.floor(sec ?? 0));
    return `${String(Math.floor(v / 3600)).padStart(2, '0')}:${String(Math.floor((v % 3600) / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;
  };
  return segments.map((s) => `[${t(s.start)}] ${s.speaker ?? 'Unknown'}: ${s.text}`).join('\n') + '\n';
}
