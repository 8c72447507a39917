/**
 * PII detectors (domain guide §5.6): maintained parsers (libphonenumber-js, validator) and
 * checksums (Luhn, ABA, SSN structure) plus context labels, to keep false positives down.
 * Works on the ORIGINAL text, so offsets need no mapping.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';
import isEmail from 'validator/lib/isEmail';
import type { PiiKind, PiiMatch, PiiOptions, Redaction } from './types';
import { escapeRegExp, foldAccents } from './text';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = digits.split('').map(Number);
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return prefixOk && sum % 10 === 0 && digits !== '000000000';
}

/** SSN structure: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function ssnStructureValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  return true;
}

const REPLACEMENT: Record<PiiKind, string> = {
  ssn: '[SSN]',
  card: '[CARD]',
  account: '[ACCOUNT]',
  routing: '[ROUTING]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  dob: '[DOB]',
  address: '[ADDRESS]',
  gov_id: '[ID]',
  credential: '[CREDENTIAL]',
  person: '[NAME]',
};

/** Mask an excerpt so responses never carry the identifier (e.g. ***-**-1120). */
export function maskPii(kind: PiiKind, s: string): string {
  switch (kind) {
    case 'email': {
      const at = s.indexOf('@');
      return at > 0 ? s[0] + '***' + s.slice(at) : '***';
    }
    case 'credential':
      return s.replace(/\S/g, '*');
    case 'address':
    case 'person':
      return s.replace(/\d/g, '*').replace(/\b([A-Za-z])[A-Za-z'.-]*/g, (_m, f: string) => f + '***');
    default: {
      // keep the last four digits, mask the rest, keep separators and labels
      const total = (s.match(/\d/g) ?? []).length;
      let seen = 0;
      return s.replace(/[0-9A-Za-z]/g, (ch) => {
        if (/\d/.test(ch)) {
          seen++;
          return seen > total - 4 && total > 4 ? ch : total <= 4 ? ch : '*';
        }
        return ch;
      });
    }
  }
}

const DIGITS_ONLY = (s: string) => s.replace(/\D/g, '');

const ACCOUNT_LABEL =
  /\b(?:account|acct|a\/c|policy|contract|member(?:ship)?|brokerage|checking|savings|ira|roth|401\(?k\)?|403\(?b\)?|loan|annuity|certificate|card|visa|mastercard|amex|debit|credit card|portfolio)\b(?:\s*(?:number|no\.?|num|#|id))?/gi;
const SSN_LABEL = /\b(?:ssn|ss#|social security(?: number| no\.?| #| num)?|social|itin|tin|taxpayer id(?:entification number)?)\b/i;
const PARTIAL_RE = /\b(?:ending|ends|last (?:4|four)(?: digits)?(?: of (?:his|her|their|the|my|your|its) (?:ssn|social(?: security)?(?: number)?|account|card|checking|savings|policy|ira)(?: number)?)?)(?: in| with| of| are| is| =|:)?\s*#?\s*(\d{4})\b/gi;
const DATE_RE =
  /\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:st|nd|rd|th)?(?:,? (?:19|20)\d{2})?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?),? (?:19|20)\d{2}|\d{1,2}[/-]\d{1,2}[/-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b/gi;
const DOB_CUE = /\b(?:born|dob|d\.o\.b\.?|date of birth|birth ?date|birthday|b-day|bday)\b/i;
const ADDRESS_RE =
  /\b\d{1,6}(?:-\d{1,4})?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-zA-Z0-9']*\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Trail|Trl|Highway|Hwy|Plaza|Square|Sq|Loop|Pike|Row|Alley|Crescent|Close|Heights)\b\.?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*[\w-]+)?(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?/g;
const ADDRESS_PERSONAL = /\b(?:i'm at|i am at|swing by|come by|stop by|drop by|my place|my house|home|homes|lives|living|live at|house|residence|his place|her place|their place|moved (?:in)?to|mail|mailing|send|drop (?:it )?off|address is|home address|bought|purchased|closed on|his|her|their|apartment|condo)\b/i;
const ADDRESS_PUBLIC = /\b(?:join us|our (?:new )?office|office is|offices|visit us|find us|located at|event|seminar|workshop|webinar|rsvp|ballroom|hotel|library|conference|hall|center|centre|suite|venue|lunch|dinner|breakfast|community|church|club|museum|park|school|shred day|open house|grand opening|register|tickets|doors open|booth|our table|store|shop|restaurant|cafe|caf\u00e9|rsvp)\b/i;
const BUSINESS_CONTACT =
  /\b(?:call|text|reach|contact|phone|ring|dial|email|e-mail|message|write|dm)(?:ing)? (?:us|our|the office|me|the team|our team|my office|anytime)|\bour (?:office|team|main|front desk|number|phone|line|firm|email|inbox)|\boffice(?: line| phone| number| hours)?\b|\brsvp|toll[- ]free|hotline|helpline|main line|front desk|customer (?:service|care)|appointments?|schedule|register|questions\?|book (?:a|your)|\bfax\b|to (?:reach|contact) (?:us|me|our)|sign up|learn more|info(?:rmation)? (?:at|:)|visit|website|www\./i;
const PERSONAL_CONTACT =
  /\b(?:(?:his|her|their|client's|[a-z]+'s)(?: new| personal| private| home)? (?:cell|mobile|number|phone|email|line)|his|her|their|my personal|personal|home phone|private|wants a call ?back|call ?back at|reach (?:him|her|them)|call (?:him|her|them)|text (?:him|her|them)|email (?:him|her|them)|wife|husband|son|daughter|mom|dad|client)\b/i;
const ROLE_MAILBOX = /^(?:info|hello|hi|contact|team|office|support|service|services|events?|rsvp|admin|compliance|help|questions|ask|mail|inquiries|enquiries|appointments?|newsletter|marketing|media|press|careers|jobs|billing|ops|operations|frontdesk|reception|planning|advice|invest|wealth|clientservices|client\.services|noreply|no-reply)$/i;
const GOV_ID_RE =
  /\b(?:passport|driver'?s? licen[cs]e|drivers licen[cs]e|dl|licen[cs]e|medicare|mbi|medicaid|member id|insurance id|health plan id|policy|ein|tin|itin|student id|employee id|green card|alien (?:registration )?number|a-number)(?:\s*(?:number|no\.?|#|id|card|num))?(?:\s+for\s+[^:\n]{1,25}?)?\s*(?:is|:|#|=)?\s*([A-Z0-9][A-Z0-9-]{4,16})\b/gi;
const CREDENTIAL_RE = /\b(?:password|passcode|pass code|pin|login|username|user name|user id|security answer|secret answer)\b(?:[^.\n:=]{0,30}?\b(?:is|was)\b|\s*[:=])\s*("[^"]{3,40}"|[^\s"]{3,40}?)(?=[.,;!?]?(?:\s|$))/gi;

function windowBefore(text: string, pos: number, chars: number): string {
  const start = Math.max(0, pos - chars);
  // stay inside the sentence-ish window: cut at the last sentence end or line break
  const w = text.slice(start, pos);
  const cut = Math.max(w.lastIndexOf('\n'), w.search(/[.!?]\s[^.!?]*$/));
  return cut >= 0 ? w.slice(cut + 1) : w;
}

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/[!?\n]/.test(text[b]) && !(text[b] === '.' && /\s/.test(text[b + 1] ?? ' '))) b++;
  return text.slice(a, b);
}

/** Small LRU: a firm's own numbers recur across its posts, and libphonenumber parsing is the costliest detector. */
const phoneCache = new Map<string, { startsAt: number; endsAt: number; number: { nationalNumber: unknown } }[]>();
function findPhonesCached(windowText: string) {
  let r = phoneCache.get(windowText);
  if (r) {
    phoneCache.delete(windowText);
    phoneCache.set(windowText, r);
    return r;
  }
  r = findPhoneNumbersInText(windowText, 'US').map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt, number: { nationalNumber: p.number.nationalNumber } }));
  phoneCache.set(windowText, r);
  if (phoneCache.size > 500) phoneCache.delete(phoneCache.keys().next().value as string);
  return r;
}

const EMAIL_AT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/y;
const isEmailLocalCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;

/**
 * The matches of /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, found from the '@' signs.
 * Scanning with the expression tries every letter of the post as the start of a local part;
 * a match can only start at the beginning of the run of local-part characters before an '@'
 * (or where the previous match ended), so one sticky attempt per '@' finds the same matches.
 */
export function findEmails(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, from))) {
    let start = at;
    while (start > from && isEmailLocalCode(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) {
      out.push(m);
      from = EMAIL_AT.lastIndex;
    }
  }
  return out;
}

interface Candidate extends PiiMatch {
  priority: number;
}

export function detectPii(text: string, opts: PiiOptions = {}): PiiMatch[] {
  const mode = opts.mode ?? 'transcript';
  const post = mode === 'post';
  const out: Candidate[] = [];
  const add = (start: number, end: number, kind: PiiKind, reason: string, priority: number) =>
    out.push({ start, end, kind, text: text.slice(start, end), reason, priority });

  const hasDigits = /\d/.test(text);

  if (hasDigits) {
    // SSN, formatted (structure rules), or labelled unformatted
    const ssnRe = /\b(\d{3})([- .]?)(\d{2})\2(\d{4})\b/g;
    let m: RegExpExecArray | null;
    while ((m = ssnRe.exec(text))) {
      const digits = m[1] + m[3] + m[4];
      const labelled = SSN_LABEL.test(windowBefore(text, m.index, 40));
      if (!ssnStructureValid(digits) && !labelled) continue;
      if (m[2] === '' && !labelled) continue; // bare 9 digits need a label
      if (text[m.index - 1] === '$' || text[m.index - 1] === '-') continue;
      add(m.index, m.index + m[0].length, 'ssn', labelled ? 'labelled SSN' : 'SSN structure', 9);
    }

    // card numbers (Luhn) and long account numbers
    const longRe = /\b\d(?:[ -]?\d){7,18}\b/g;
    while ((m = longRe.exec(text))) {
      const digits = DIGITS_ONLY(m[0]);
      if (text[m.index - 1] === '$' || /^[.,]\d/.test(text.slice(m.index + m[0].length))) continue;
      if (/^(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})$/.test(m[0])) continue; // SSN shape handled above
      const before = windowBefore(text, m.index, 45);
      ACCOUNT_LABEL.lastIndex = 0;
      let lastAccount = -1;
      let am: RegExpExecArray | null;
      ACCOUNT_LABEL.lastIndex = 0;
      while ((am = ACCOUNT_LABEL.exec(before))) lastAccount = am.index;
      const labelled = lastAccount >= 0;
      const rm = before.match(/\b(?:routing|aba|rtn|transit)\b(?!.*\b(?:routing|aba|rtn|transit)\b)/i);
      const routingLabel = !!rm && rm.index! > lastAccount;
      if (routingLabel && digits.length === 9) {
        add(m.index, m.index + m[0].length, 'routing', 'labelled routing number', 8);
      } else if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && /^[2-6]/.test(digits)) {
        add(m.index, m.index + m[0].length, 'card', 'Luhn-valid card number', 8);
      } else if (digits.length === 9 && abaValid(digits) && /\b(?:bank|wire|ach|routing|account|deposit)\b/i.test(sentenceAround(text, m.index, m.index + m[0].length))) {
        add(m.index, m.index + m[0].length, 'routing', 'ABA checksum with banking context', 7);
      } else if (labelled && digits.length >= 6 && digits.length <= 17) {
        add(m.index, m.index + m[0].length, 'account', 'labelled account number', 7);
      }
    }

    // partial numbers with context: "SSN ending 1120", "checking account (ending 4521)"
    PARTIAL_RE.lastIndex = 0;
    while ((m = PARTIAL_RE.exec(text))) {
      const before = windowBefore(text, m.index, 50) + ' ' + m[0];
      const numStart = m.index + m[0].lastIndexOf(m[1]);
      ACCOUNT_LABEL.lastIndex = 0;
      if (SSN_LABEL.test(before)) add(numStart, numStart + 4, 'ssn', 'partial SSN with label', 6);
      else if (ACCOUNT_LABEL.test(before)) add(numStart, numStart + 4, 'account', 'partial account/card number with label', 6);
    }

    // alphanumeric account numbers after a label and '#' ("account #Z12345678")
    const alnum = /\b(?:account|acct|policy|contract|member|brokerage|ira|annuity)\b[^.\n]{0,25}?(?:#|number|no\.)\s*:?\s*([A-Z]{1,3}-?\d{5,15}|\d{5,15}-?[A-Z]{1,3})\b/gi;
    while ((m = alnum.exec(text))) {
      const s = m.index + m[0].lastIndexOf(m[1]);
      add(s, s + m[1].length, 'account', 'labelled alphanumeric account number', 6);
    }

    // dates of birth
    DATE_RE.lastIndex = 0;
    const birthCue = DOB_CUE.test(text);
    while (birthCue && (m = DATE_RE.exec(text))) {
      const before = windowBefore(text, m.index, 45);
      if (!DOB_CUE.test(before)) continue;
      const hasYear = /(?:19|20)\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2}/.test(m[0]);
      const label = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date)\b/i.test(before);
      if (!hasYear && !label) continue;
      add(m.index, m.index + m[0].length, 'dob', 'date with birth context', 6);
    }

    // phones via libphonenumber-js
    // cheap candidate scan, then libphonenumber-js on a small window around each candidate
    const phoneCand = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.()-]{6,18}\d/g;
    let pc: RegExpExecArray | null;
    const phones: { startsAt: number; endsAt: number; number: { nationalNumber: unknown } }[] = [];
    while ((pc = phoneCand.exec(text))) {
      if ((pc[0].match(/\d/g) ?? []).length < 10) continue;
      const ws = Math.max(0, pc.index - 4);
      const we = Math.min(text.length, pc.index + pc[0].length + 4);
      for (const p of findPhonesCached(text.slice(ws, we))) phones.push({ startsAt: p.startsAt + ws, endsAt: p.endsAt + ws, number: p.number });
    }
    {
      for (const p of phones) {
        const s = p.startsAt;
        const e = p.endsAt;
        const nat = p.number.nationalNumber as string;
        if (out.some((c) => c.start < e && s < c.end)) continue;
        if (post) {
          if (/^(?:800|888|877|866|855|844|833)/.test(nat)) continue;
          const sent = sentenceAround(text, s, e);
          const before = windowBefore(text, s, 70);
          const personal = PERSONAL_CONTACT.test(before);
          if (!personal && (BUSINESS_CONTACT.test(before) || BUSINESS_CONTACT.test(sent))) continue;
        }
        add(s, e, 'phone', 'phone number (libphonenumber-js)', 5);
      }
    }

    // street addresses
    ADDRESS_RE.lastIndex = 0;
    while ((m = ADDRESS_RE.exec(text))) {
      if (post) {
        const sent = sentenceAround(text, m.index, m.index + m[0].length);
        if (!ADDRESS_PERSONAL.test(sent) || ADDRESS_PUBLIC.test(sent)) continue;
      }
      add(m.index, m.index + m[0].length, 'address', 'street address', 4);
    }
  }

  // emails via validator
  if (text.indexOf('@') >= 0) {
    for (const m of findEmails(text)) {
      if (!isEmail(m[0])) continue;
      if (post) {
        const local = m[0].slice(0, m[0].indexOf('@'));
        const before = windowBefore(text, m.index, 60);
        const personal = PERSONAL_CONTACT.test(before);
        if (!personal && (ROLE_MAILBOX.test(local) || BUSINESS_CONTACT.test(before))) continue;
      }
      add(m.index, m.index + m[0].length, 'email', 'email address (validator)', 5);
    }
  }

  // government IDs and credentials (label required)
  if (/\d/.test(text)) {
    GOV_ID_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GOV_ID_RE.exec(text))) {
      const tok = m[1];
      if (!/\d/.test(tok) || /^\d{1,4}$/.test(tok) || /^(?:19|20)\d{2}$/.test(tok)) continue;
      if (/^\d+(?:,\d{3})*$/.test(tok) && /\$/.test(text.slice(Math.max(0, m.index - 2), m.index + m[0].length))) continue;
      const s = m.index + m[0].lastIndexOf(tok);
      add(s, s + tok.length, 'gov_id', 'labelled government/insurance ID', 6);
    }
  }
  // Medicare Beneficiary Identifier structure (11 characters) near "Medicare"
  if (/medicare|mbi/i.test(text)) {
    const mbi = /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/gi;
    let m: RegExpExecArray | null;
    while ((m = mbi.exec(text))) {
      if (/medicare|mbi/i.test(text.slice(Math.max(0, m.index - 80), m.index))) add(m.index, m.index + m[0].length, 'gov_id', 'Medicare Beneficiary Identifier structure', 6);
    }
  }
  CREDENTIAL_RE.lastIndex = 0;
  {
    let m: RegExpExecArray | null;
    while ((m = CREDENTIAL_RE.exec(text))) {
      const tok = m[1];
      if (!/[\d!@#$%^&*_"]/.test(tok)) continue;
      const s = m.index + m[0].lastIndexOf(tok);
      add(s, s + tok.length, 'credential', 'labelled credential', 6);
    }
  }

  // person names: known names (whole words, accent/case-insensitive) and the NER hook
  if (opts.names?.length) {
    const folded = foldAccents(text).toLowerCase();
    const parts = new Set<string>();
    for (const n of opts.names) {
      const f = foldAccents(n).toLowerCase().trim();
      if (f.length >= 2) parts.add(f);
      for (const p of f.split(/\s+/)) if (p.length >= 3) parts.add(p);
    }
    const sorted = [...parts].sort((a, b) => b.length - a.length);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?:'s)?(?![\\p{L}\\p{N}])`, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      // a single name part ("Will", "Rose") must be capitalised in the text to count as a name
      if (!/\s/.test(m[0]) && !/^\p{Lu}/u.test(text.slice(m.index, m.index + 1))) continue;
      add(m.index, m.index + m[0].replace(/'s$/, '').length, 'person', 'known name', 2);
    }
  }
  if (opts.nlp) {
    for (const p of opts.nlp.findPersons(text)) add(p.start, p.end, 'person', `NER (${opts.nlp.name})`, 1);
  }

  // resolve overlaps: higher priority first, then longer
  out.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of out) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ priority: _p, ...rest }) => rest);
}

/** Redact PII (transcripts before the LLM): every phone, email and address, plus known and recognised names. */
export function redactPii(text: string, opts: PiiOptions = {}): { text: string; redactions: Redaction[] } {
  const matches = detectPii(text, { mode: 'transcript', ...opts });
  let out = '';
  let last = 0;
  const redactions: Redaction[] = [];
  for (const m of matches) {
    out += text.slice(last, m.start) + REPLACEMENT[m.kind];
    redactions.push({ start: m.start, end: m.end, kind: m.kind, replacement: REPLACEMENT[m.kind] });
    last = m.end;
  }
  out += text.slice(last);
  return { text: out, redactions };
}
