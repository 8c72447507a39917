import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { AppError } from '../../infra/http/app-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

interface RecordRow {
  time: string;
  kind: 'version' | 'decision';
  postId: string;
  version: string;
  platform: string;
  actor: string;
  outcome: string;
  riskScore: string;
  reason: string;
  textSha256: string;
  text: string;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${(/^[=+\-@\t]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/** Books-and-records export for an examiner: every version and decision in a date range, with the audit chain's verification. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly repo: ComplianceRepository,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditService,
  ) {}

  private async rows(from: string, to: string): Promise<{ rows: RecordRow[]; fromDate: Date; toDate: Date }> {
    const s = currentScope();
    const fromDate = new Date(`${from}T00:00:00.000Z`);
    const toDate = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86400_000);
    if (Number.isNaN(fromDate.getTime()) || Number.isNaN(toDate.getTime())) throw AppError.validation('from and to must be real dates');
    if (toDate <= fromDate) throw AppError.validation('to must be on or after from');
    if (toDate.getTime() - fromDate.getTime() > 366 * 86400_000 * 7) throw AppError.validation('Export at most seven years at a time');
    const { submissions, decisions } = await this.repo.recordsBetween(s.firmId, fromDate, toDate);
    const rows: RecordRow[] = [];
    const versionOf = new Map(submissions.map((x) => [x.id, x.version]));
    for (const sub of submissions) {
      const { validatedText } = this.compliance.textsOf(sub);
      rows.push({
        time: sub.createdAt.toISOString(),
        kind: 'version',
        postId: sub.contentId,
        version: String(sub.version),
        platform: sub.platform,
        actor: sub.authorType === 'user' || sub.authorType === 'suggestion' ? `user:${sub.authorUserId}` : `${sub.authorType}${sub.generation.model ? `:${String(sub.generation.model)}` : ''}`,
        outcome: sub.outcome,
        riskScore: String(sub.riskScore),
        reason: ((sub.validation.flags as { category: string; ruleId: string }[]) ?? []).map((f) => `${f.category}(${f.ruleId})`).join('; '),
        textSha256: sub.validatedTextSha256,
        text: validatedText,
      });
    }
    for (const d of decisions) {
      rows.push({
        time: d.createdAt.toISOString(),
        kind: 'decision',
        postId: d.contentId,
        version: String(versionOf.get(d.submissionId) ?? ''),
        platform: '',
        actor: d.reviewerId ? `${d.reviewerName ?? d.reviewerId} (${d.reviewerRole})` : 'engine',
        outcome: d.decision,
        riskScore: '',
        reason: [d.reasonCode, d.comment].filter(Boolean).join(': '),
        textSha256: d.approvedTextSha256 ?? '',
        text: '',
      });
    }
    rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.kind === 'version' ? -1 : 1));
    return { rows, fromDate, toDate };
  }

  async csv(from: string, to: string): Promise<string> {
    const { rows } = await this.rows(from, to);
    const header: (keyof RecordRow)[] = ['time', 'kind', 'postId', 'version', 'platform', 'actor', 'outcome', 'riskScore', 'reason', 'textSha256', 'text'];
    await this.audit.record({ action: 'records.exported', subjectType: 'records', data: { from, to, format: 'csv', rows: rows.length } });
    return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n') + '\r\n';
  }

  async pdf(from: string, to: string): Promise<Buffer> {
    const s = currentScope();
    const { rows } = await this.rows(from, to);
    const chain = await this.audit.verify(s.firmId);
    await this.audit.record({ action: 'records.exported', subjectType: 'records', data: { from, to, format: 'pdf', rows: rows.length, chainValid: chain.valid } });
    const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: `Aftermeet books and records ${from} to ${to}`, Author: 'Aftermeet' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

    doc.fontSize(20).text('Books and records: advisor social communications');
    doc.moveDown(0.5).fontSize(11).fillColor('#444').text(`Period: ${from} to ${to} (UTC)   Generated: ${new Date().toISOString()}`);
    doc.moveDown();
    doc.fillColor(chain.valid ? '#0a7d32' : '#b00020').fontSize(14).text(chain.valid ? 'Audit chain verified' : 'AUDIT CHAIN BROKEN');
    doc.fillColor('#000').fontSize(10).text(
      chain.valid
        ? `All ${chain.events} audit events of this firm recompute to the head hash ${chain.headHash}. No event was edited, inserted or removed.`
        : `The chain breaks at event ${chain.brokenAt?.chainSeq} (${chain.brokenAt?.reason}). Records after that point cannot be proven unaltered.`,
    );
    doc.moveDown();
    const versions = rows.filter((r) => r.kind === 'version').length;
    doc.fontSize(11).text(`${versions} post versions and ${rows.length - versions} decisions in this period.`);
    doc.fontSize(9).fillColor('#444').text('Each version lists the exact text validated (with disclosures), its SHA-256, the engine outcome and flags; each decision lists the principal, role, reason and the hash of the text approved.');

    for (const r of rows) {
      if (doc.y > 680) doc.addPage();
      doc.moveDown(0.6).fillColor('#000').fontSize(9).font('Helvetica-Bold').text(`${r.time}  ${r.kind.toUpperCase()}  post ${r.postId} v${r.version} ${r.platform}`);
      doc.font('Helvetica').fontSize(9).text(`By: ${r.actor}   Outcome: ${r.outcome}${r.riskScore ? `   Risk: ${r.riskScore}` : ''}`);
      if (r.reason) doc.text(`Reason / flags: ${r.reason}`);
      if (r.textSha256) doc.fillColor('#555').text(`SHA-256: ${r.textSha256}`);
      if (r.text) doc.fillColor('#000').text(r.text, { indent: 12 });
    }
    doc.end();
    return done;
  }
}
