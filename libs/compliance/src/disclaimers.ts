/** Disclosure injection (domain guide §8): idempotent, ordered, within the platform limit. */
import type { Category, Flag, FirmComplianceSettings, InjectedDisclaimer, Platform } from './types';

export const PLATFORM_LIMITS: Record<Platform, number> = { linkedin: 3000, facebook: 63206 };

interface DisclosureText {
  id: string;
  full: string;
  short: string;
  present: RegExp;
}

export const DISCLOSURES: Record<'testimonial' | 'past_performance' | 'hypothetical' | 'general_risk', DisclosureText> = {
  testimonial: {
    id: 'testimonial',
    full: 'The statement above is from a [current client / person who is not a client]. [No compensation was / Cash or non-cash compensation was] provided for it. [Describe any material conflict of interest.] It may not represent other clients\' experience and is no guarantee of future performance or success.',
    short: 'The statement above is from a [current client / person who is not a client]. [No compensation was / Cash or non-cash compensation was] provided for it. [Describe any material conflict of interest.] It may not represent other clients\' experience and is no guarantee of future performance or success.',
    present: /may not (?:be )?represent(?:ative of)? (?:the )?(?:experience of )?other clients|not (?:be )?representative of (?:the )?(?:experience of )?other clients|no guarantee of future performance or success/i,
  },
  past_performance: {
    id: 'past_performance',
    full: 'Past performance does not guarantee future results.',
    short: 'Past performance does not guarantee future results.',
    present: /past (?:performance|results|returns)[^.!?]{0,30}\b(?:not|no|n't)\b[^.!?]{0,20}(?:guarantee|indicat|predict|assur)|not (?:necessarily )?indicative of future/i,
  },
  hypothetical: {
    id: 'hypothetical',
    full: 'Hypothetical illustration only; it is not any actual investment, ignores fees and taxes, and actual results will vary.',
    short: 'Hypothetical; actual results will vary.',
    present: /(?:hypothetical|illustrat)[^]{0,200}results (?:will|may|can) vary|results (?:will|may|can) vary[^]{0,200}(?:hypothetical|illustrat)/i,
  },
  general_risk: {
    id: 'general_risk',
    full: 'For informational purposes only; not individualized investment, tax or legal advice or a recommendation to buy or sell any security. Investing involves risk, including possible loss of principal.',
    short: 'Not investment advice. Investing involves risk, including loss of principal.',
    present: /investing involves risk|involves (?:investment )?risks?, including|(?:possible |potential )?loss of principal/i,
  },
};

export interface DisclosureNeeds {
  testimonial: boolean;
  pastPerformance: boolean;
  hypothetical: boolean;
  generalRisk: boolean;
}

export interface DisclosureResult {
  injected: InjectedDisclaimer[];
  validatedContent: string;
  overLimitBy: number;
  placeholders: boolean;
  usedShortForms: boolean;
}

const TRAILING_HASHTAGS = /(?:\s*(?:#[\p{L}\p{N}_]+[ \t]*)+)\s*$/u;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** True when every locked disclosure appears verbatim in the text (the server re-checks before publishing). */
export function checkLockedDisclosures(text: string, settings?: Pick<FirmComplianceSettings, 'requiredDisclosures'> | null): { ok: boolean; missing: string[] } {
  const missing = (settings?.requiredDisclosures ?? []).filter((d) => d.trim() && !text.includes(d.trim()));
  return { ok: missing.length === 0, missing };
}

export function injectDisclosures(content: string, platform: Platform, needs: DisclosureNeeds, flags: Flag[], firm: FirmComplianceSettings | undefined): DisclosureResult {
  const limit = PLATFORM_LIMITS[platform];
  const reasons: Record<string, string> = {
    testimonial: 'The post contains a testimonial or endorsement (SEC 206(4)-1(b), FINRA 2210(d)(6)): client status, compensation and conflicts must be disclosed next to it.',
    past_performance: 'The post states historical performance (FINRA 2210(d)(1)(F); SEC 206(4)-1(a)).',
    hypothetical: 'The post contains a hypothetical or mathematical illustration (FINRA 2210(d)(1)(F)(i)).',
    general_risk: 'The post discusses investing; benefits must be balanced with risks (FINRA 2210(d)(1)(A), (D)).',
  };
  const wanted: { id: keyof typeof DISCLOSURES }[] = [];
  if (needs.testimonial && !DISCLOSURES.testimonial.present.test(content)) wanted.push({ id: 'testimonial' });
  if (needs.pastPerformance && !DISCLOSURES.past_performance.present.test(content)) wanted.push({ id: 'past_performance' });
  if (needs.hypothetical && !DISCLOSURES.hypothetical.present.test(content)) wanted.push({ id: 'hypothetical' });
  if (needs.generalRisk && !DISCLOSURES.general_risk.present.test(content)) wanted.push({ id: 'general_risk' });
  let collapsed: string | undefined;
  const firmTexts = (firm?.requiredDisclosures ?? [])
    .map((d) => d.trim())
    .filter((d) => d && !(collapsed ??= collapse(content)).includes(collapse(d)));

  // trailing hashtags start with '#': most posts have none and the scan is costly
  const tagMatch = content.includes('#') ? content.match(TRAILING_HASHTAGS) : null;
  const build = (short: boolean) => {
    const hasTail = !!tagMatch && tagMatch.index! > 0 && /\n/.test(tagMatch[0]);
    const body = hasTail ? content.slice(0, tagMatch!.index).trimEnd() : content.trimEnd();
    const tail = hasTail ? tagMatch![0].trim() : '';
    const injected: InjectedDisclaimer[] = [];
    let testimonialBlock = '';
    const blocks: string[] = [];
    for (const w of wanted) {
      const d = DISCLOSURES[w.id];
      const text = short ? d.short : d.full;
      injected.push({ id: d.id, text, reason: reasons[d.id], locked: false });
      if (w.id === 'testimonial') testimonialBlock = text;
      else blocks.push(text);
    }
    firmTexts.forEach((t, i) => {
      injected.push({ id: `firm_required_${i + 1}`, text: t, reason: 'Required by your firm on every post (locked; it cannot be edited out).', locked: true });
      blocks.push(t);
    });
    let out = body;
    if (testimonialBlock) {
      // the testimonial disclosure sits immediately after the paragraph holding the statement
      const lastT = Math.max(...flags.filter((f) => f.category === ('testimonial' as Category)).map((f) => f.end), 0);
      const paraBreak = /\n\s*\n/g;
      let insertAt = body.length;
      let pm: RegExpExecArray | null;
      while ((pm = paraBreak.exec(body))) {
        if (pm.index >= lastT) {
          insertAt = pm.index;
          break;
        }
      }
      out = insertAt >= body.length ? `${body}\n\n${testimonialBlock}` : `${body.slice(0, insertAt)}\n\n${testimonialBlock}${body.slice(insertAt)}`;
    }
    if (blocks.length) out = `${out}\n\n${blocks.join('\n\n')}`;
    if (tail) out = `${out}\n\n${tail}`;
    return { out, injected };
  };

  let res = build(false);
  let usedShortForms = false;
  if (res.out.length > limit) {
    res = build(true);
    usedShortForms = true;
  }
  const overLimitBy = Math.max(0, res.out.length - limit);
  return {
    injected: res.injected,
    validatedContent: res.out,
    overLimitBy,
    placeholders: res.injected.some((d) => /\[[^\]]+\]/.test(d.text) && d.id === 'testimonial'),
    usedShortForms,
  };
}
