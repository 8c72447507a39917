import { createHash } from 'node:crypto';
import { formatTime, type Drafts, type Kind, type Source, type Unit } from './drafts';

/**
 * Walks a JSON schema and fills it from the meeting drafts, choosing content by property names
 * (and descriptions). Supported: type (incl. type arrays with "null"), properties/required,
 * additionalProperties (never adds extras), items/prefixItems, minItems/maxItems, uniqueItems,
 * enum/const, string minLength/maxLength/format/pattern (best effort), number minimum/maximum/
 * exclusive*, multipleOf, integer, boolean, anyOf/oneOf (first usable branch), allOf (merged),
 * local $ref into $defs/definitions (recursion bounded).
 */
export type JsonSchema = Record<string, unknown>;

interface Frame {
  name: string;
  description: string;
  kind?: Kind;
  unit?: Unit;
  index: number;
  depth: number;
  /** Names of the sibling properties of the object being filled. */
  siblings: string[];
}

const MAX_DEPTH = 12;

/** Property name (+ description) → the kind of content it holds. Order matters. */
export function kindOf(name: string, description = ''): Kind | undefined {
  const n = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
  const d = description.toLowerCase();
  const test = (re: RegExp) => re.test(n) || (n.length <= 5 && re.test(d));
  if (test(/hashtag/)) return 'hashtag';
  if (test(/\b(evidence|citations?|sources?|source segments?|segment (ids?|indices|indexes|refs?)|references?|provenance|supporting|support)\b/)) return 'evidence';
  if (test(/\b(action|actions|action items?|tasks?|todos?|to dos?|next steps?|follow ?up items?|commitments?)\b/)) return 'action';
  if (test(/\b(e ?mails?|follow ?up|letter|message to client)\b/) && !/\b(address|addresses)\b/.test(n)) return 'email';
  if (test(/\b(posts?|social|linked ?in|facebook|drafts?)\b/)) return 'post';
  if (test(/\b(summary|summaries|overview|recap|abstract|synopsis)\b/)) return 'summary';
  if (test(/\b(participants?|attendees?|speakers|people)\b/)) return 'participant';
  if (test(/\b(quotes?|highlights?|excerpts?)\b/)) return 'quote';
  if (test(/\b(flags?|risks?|concerns?|issues?|violations?|warnings?|compliance)\b/)) return 'flag';
  if (test(/\b(topics?|themes?|keywords?|key ?phrases?|tags?|subjects covered)\b/)) return 'topic';
  if (test(/\b(sentences?|points?|key points?|bullets?|takeaways?|insights?|decisions?|paragraphs?|items?|lines?)\b/)) return 'sentence';
  return undefined;
}

const CONTAINER_KINDS: Kind[] = ['summary', 'action', 'email', 'post', 'participant', 'quote', 'flag', 'topic'];

export class SchemaGenerator {
  constructor(
    private readonly drafts: Drafts,
    private readonly root: JsonSchema,
    private readonly now: Date,
    private readonly rootName = '',
    private readonly rootDescription = '',
  ) {}

  generate(): unknown {
    // A schema named like `post_draft` describes one piece; one with summary/email/posts fields describes several.
    const root = this.resolve(this.root);
    const keys = Object.keys((root.properties ?? {}) as object);
    const composite = keys.some((k) => {
      const kind = kindOf(k);
      return kind !== undefined && CONTAINER_KINDS.includes(kind) && kind !== 'topic';
    });
    const kind = composite ? undefined : kindOf(this.rootName, this.rootDescription);
    return this.gen(this.root, { name: this.rootName, description: this.rootDescription, kind, index: 0, depth: 0, siblings: [] });
  }

  // ------------------------------------------------------------------ schema plumbing

  private resolve(schema: unknown, depth = 0): JsonSchema {
    if (schema === true || schema === undefined || schema === null) return {};
    if (schema === false) return { not: {} };
    let s = schema as JsonSchema;
    if (typeof s.$ref === 'string' && depth < 20) {
      const target = this.lookup(s.$ref);
      const { $ref: _ref, ...rest } = s;
      s = { ...this.resolve(target, depth + 1), ...rest };
    }
    if (Array.isArray(s.allOf)) {
      const parts = (s.allOf as unknown[]).map((p) => this.resolve(p, depth + 1));
      const { allOf: _allOf, ...rest } = s;
      s = parts.reduce<JsonSchema>(
        (acc, p) => ({
          ...acc,
          ...p,
          properties: { ...((acc.properties as object) ?? {}), ...((p.properties as object) ?? {}) },
          required: [...new Set([...((acc.required as string[]) ?? []), ...((p.required as string[]) ?? [])])],
        }),
        rest,
      );
    }
    return s;
  }

  private lookup(ref: string): unknown {
    if (!ref.startsWith('#')) return {};
    const parts = ref
      .slice(1)
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
    let cur: unknown = this.root;
    for (const p of parts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
    return cur ?? {};
  }

  private typesOf(s: JsonSchema): string[] {
    if (Array.isArray(s.type)) return s.type as string[];
    if (typeof s.type === 'string') return [s.type];
    if (s.properties || s.required || s.additionalProperties !== undefined) return ['object'];
    if (s.items || s.prefixItems) return ['array'];
    if (Array.isArray(s.enum) && s.enum.length) return [...new Set((s.enum as unknown[]).map(jsonType))];
    if ('const' in s) return [jsonType(s.const)];
    return ['string'];
  }

  private gen(schema: unknown, frame: Frame): unknown {
    const s = this.resolve(schema);
    const description = typeof s.description === 'string' ? s.description : frame.description;
    const f: Frame = { ...frame, description };
    if ('const' in s) return s.const;
    const branches = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined) as unknown[] | undefined;
    if (branches) {
      const resolved = branches.map((b) => this.resolve(b));
      const nonNull = resolved.filter((b) => !this.typesOf(b).every((t) => t === 'null'));
      const hasNull = nonNull.length < resolved.length;
      if (f.depth > MAX_DEPTH && hasNull) return null;
      for (const b of nonNull) {
        const { anyOf: _a, oneOf: _o, ...outer } = s;
        const v = this.gen({ ...outer, ...b }, f);
        if (v !== undefined && !(v === null && !hasNull)) return v;
      }
      return hasNull ? null : this.gen(resolved[0] ?? {}, f);
    }
    if (Array.isArray(s.enum) && s.enum.length) return this.pickEnum(s.enum as unknown[], f);
    const types = this.typesOf(s);
    const nullable = types.includes('null') || s.nullable === true;
    const type = types.find((t) => t !== 'null') ?? 'null';
    if (f.depth > MAX_DEPTH && nullable) return null;
    let value: unknown;
    switch (type) {
      case 'object':
        value = this.genObject(s, f);
        break;
      case 'array':
        value = this.genArray(s, f);
        break;
      case 'integer':
      case 'number':
        value = this.genNumber(s, f, type === 'integer');
        break;
      case 'boolean':
        value = this.genBoolean(f);
        break;
      case 'null':
        value = null;
        break;
      default:
        value = this.genString(s, f, nullable);
    }
    if (value === undefined) return nullable ? null : this.fallback(type, s, f);
    return value;
  }

  private fallback(type: string, s: JsonSchema, f: Frame): unknown {
    switch (type) {
      case 'object':
        return {};
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return this.clampNumber(0, s, type === 'integer');
      case 'boolean':
        return false;
      default:
        return this.constrainString(f.unit?.text ?? this.drafts.summary().text, s, f);
    }
  }

  // ------------------------------------------------------------------ objects and arrays

  private unitForObject(f: Frame): Unit | undefined {
    const kind = f.depth === 0 ? f.kind : (f.kind ?? kindOf(f.name, f.description));
    if (f.unit && (!kind || f.unit.kind === kind || !CONTAINER_KINDS.includes(kind))) return f.unit;
    switch (kind) {
      case 'summary':
        return this.drafts.summary();
      case 'email':
        return this.drafts.email();
      case 'post':
        return this.drafts.posts(1)[0];
      case 'action':
        return this.drafts.actions()[0] ?? f.unit;
      default:
        return f.unit;
    }
  }

  private genObject(s: JsonSchema, f: Frame): Record<string, unknown> {
    const props = (s.properties ?? {}) as Record<string, unknown>;
    const unit = this.unitForObject(f);
    const out: Record<string, unknown> = {};
    const names = Object.keys(props);
    for (const key of names) {
      const child = this.resolve(props[key]);
      const description = typeof child.description === 'string' ? child.description : '';
      out[key] = this.gen(props[key], {
        name: key,
        description,
        kind: kindOf(key, description),
        unit,
        index: f.index,
        depth: f.depth + 1,
        siblings: names,
      });
    }
    return out;
  }

  private genArray(s: JsonSchema, f: Frame): unknown[] {
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const max = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
    if (Array.isArray(s.prefixItems)) {
      const prefix = s.prefixItems as unknown[];
      return prefix.slice(0, Math.min(prefix.length, max === Infinity ? prefix.length : max)).map((p, i) => this.gen(p, { ...f, index: i, depth: f.depth + 1 }));
    }
    if (f.depth > MAX_DEPTH) return [];
    const items = s.items ?? {};
    const itemSchema = this.resolve(items);
    const kind = f.kind ?? kindOf(f.name, f.description) ?? f.unit?.kind ?? 'sentence';
    const pool = this.pool(kind, f, itemSchema);
    let count = this.desiredCount(kind, pool.length);
    count = Math.max(min, Math.min(max, count));
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (let i = 0; out.length < count && i < count * 4 + 10; i++) {
      const unit = pool.length ? pool[i % pool.length] : undefined;
      const cycle = pool.length ? Math.floor(i / pool.length) : i;
      const itemUnit = unit && cycle > 0 ? { ...unit, id: `${unit.id}-${cycle + 1}`, text: variant(unit.text, cycle) } : unit;
      const v = this.gen(items, {
        name: singular(f.name),
        description: typeof itemSchema.description === 'string' ? itemSchema.description : '',
        kind: itemKind(kind),
        unit: itemUnit ?? (kind === 'evidence' ? undefined : f.unit),
        index: i,
        depth: f.depth + 1,
        siblings: [],
      });
      const key = JSON.stringify(v);
      if (s.uniqueItems === true && seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
    return out;
  }

  private pool(kind: Kind, f: Frame, itemSchema: JsonSchema): Unit[] {
    const d = this.drafts;
    const parent = f.unit;
    switch (kind) {
      case 'post': {
        const enumCount = this.enumCountFor(itemSchema);
        return d.posts(Math.max(1, d.automations().length, enumCount));
      }
      case 'action':
        return d.actions();
      case 'topic': {
        const topics = d.topics();
        return topics.length >= 3 ? topics : [...topics, ...d.phrases()];
      }
      case 'participant':
        return d.participants();
      case 'quote':
        return d.quotes();
      case 'flag':
        return d.flags();
      case 'hashtag':
        return (parent?.hashtags ?? d.hashtags()).map((h, i) => ({ kind: 'hashtag', id: `hashtag-${i + 1}`, text: h, sources: [] }));
      case 'evidence': {
        const sources = parent?.sources?.length ? parent.sources : d.summary().sources;
        return sources.map((src, i) => ({ kind: 'evidence', id: `evidence-${i + 1}`, text: src.text, owner: src.speaker, sources: [src] }));
      }
      case 'email':
        return [d.email()];
      case 'summary':
        return d.summary().sentences ?? [d.summary()];
      case 'sentence':
      default:
        if (parent?.sentences?.length) return parent.sentences.filter((u) => u.text.trim());
        if (parent && parent.kind !== 'sentence') return [parent];
        return d.keyPoints();
    }
  }

  /** A posts array whose items carry an enum of automation ids: one post per id. */
  private enumCountFor(itemSchema: JsonSchema): number {
    const props = (itemSchema.properties ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(props)) {
      if (/automation|^id$/i.test(k)) {
        const r = this.resolve(v);
        if (Array.isArray(r.enum)) return r.enum.length;
      }
    }
    return 0;
  }

  private desiredCount(kind: Kind, available: number): number {
    switch (kind) {
      case 'post':
      case 'action':
      case 'participant':
      case 'flag':
      case 'email':
        return available;
      case 'hashtag':
        return Math.min(3, available || 3);
      case 'evidence':
        return Math.min(3, Math.max(1, available));
      case 'topic':
        return Math.min(5, available);
      default:
        return Math.min(5, available);
    }
  }

  // ------------------------------------------------------------------ leaves

  private src(f: Frame): Source | undefined {
    return f.unit?.sources?.[0];
  }

  private genString(s: JsonSchema, f: Frame, nullable: boolean): string | null | undefined {
    const raw = this.stringFor(f, s);
    if (raw === undefined || raw === null) {
      if (nullable) return null;
      return this.constrainString(this.placeholderFor(f, s), s, f);
    }
    return this.constrainString(raw, s, f);
  }

  private stringFor(f: Frame, s: JsonSchema): string | null | undefined {
    const d = this.drafts;
    const u = f.unit;
    const n = f.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    const src = this.src(f);
    const format = typeof s.format === 'string' ? s.format : undefined;
    if (format === 'date-time') return this.now.toISOString();
    if (format === 'date') return u?.due === undefined && nullableName(n) ? null : this.now.toISOString().slice(0, 10);
    if (format === 'time') return this.now.toISOString().slice(11, 19);
    if (format === 'email') return u?.email ?? u?.to?.find((x) => x.includes('@')) ?? 'client@example.com';
    if (format === 'uri' || format === 'url') return `https://sandbox.aftermeet.local/${u?.kind ?? 'item'}/${u?.id ?? f.index + 1}`;
    if (format === 'uuid') return uuidFrom(`${u?.id ?? ''}:${f.name}:${f.index}`);
    if (f.kind === 'hashtag' || (u?.kind === 'hashtag' && !/hashtags/.test(n))) return u?.text ?? d.hashtags()[f.index % d.hashtags().length];
    if (/hashtag/.test(n)) return (u?.hashtags ?? d.hashtags()).join(' ');
    if (/automation/.test(n) && /(^|_)(id|key|ref)$|automation$/.test(n)) return u?.automationId ?? d.automations()[f.index]?.id ?? `automation-${f.index + 1}`;
    if (/automation/.test(n) && /name|title/.test(n)) return u?.automationName ?? d.automations()[f.index]?.name ?? u?.title;
    if (/(^|_)(id|key|ref)$/.test(n) || n === 'uid') return (u?.kind === 'post' ? u.automationId : undefined) ?? u?.id ?? `${f.kind ?? 'item'}-${f.index + 1}`;
    if (/subject/.test(n)) return u?.subject ?? d.email().subject;
    if (/title|headline|heading|label/.test(n)) return u?.title ?? d.title;
    if (/(^|_)(name|full_name|display_name)$/.test(n)) return u?.kind === 'participant' ? u.text : (u?.title ?? u?.owner ?? d.title);
    if (/speaker|owner|assignee|responsible|who|person|author|assigned|(^|_)by$/.test(n)) return u?.owner ?? src?.speaker ?? d.advisor ?? null;
    if (/role/.test(n)) return u?.role ?? (u?.owner === d.advisor ? 'advisor' : 'client');
    if (/platform|channel|network/.test(n)) return u?.platform ?? 'linkedin';
    if (/(^|_)(due|deadline|when|date)(_|$)/.test(n)) return u?.due ?? null;
    if (/timestamp|(^|_)time$|start|begin|(^|_)at$|(^|_)from$/.test(n)) return src ? formatTime(src.startSec) : null;
    if (/(^|_)end|(^|_)to_time|until/.test(n)) return src ? formatTime(src.endSec ?? src.startSec) : null;
    if (/quote|excerpt|verbatim|source_text|segment_text|transcript_text|evidence/.test(n)) return src?.text ?? u?.text;
    if (/(^|_)(to|recipients?|cc)$|email_address/.test(n)) return (u?.to ?? d.email().to ?? []).join(', ');
    if (/greeting|salutation/.test(n)) return u?.greeting ?? d.email().greeting;
    if (/sign_?off|signature|closing/.test(n)) return u?.signoff ?? d.email().signoff;
    if (/(^|_)(tone|voice|style)$/.test(n)) return 'professional';
    if (/lang|locale/.test(n)) return 'en';
    if (/reason|rationale|explanation|why|justification|note|comment/.test(n)) return u?.reason ?? (src ? `Based on what ${src.speaker ?? 'a participant'} said at ${formatTime(src.startSec)}.` : undefined);
    if (/cta|call_to_action|question/.test(n)) return u?.question;
    if (/topic|theme|category|area/.test(n)) return u?.topic ?? d.topicLabel;
    if (/(^|_)(status|state|severity|priority|level|type|kind)$/.test(n)) return u?.kind ?? 'draft';
    if (/summary|overview|recap/.test(n) && u?.kind !== 'summary') return d.summary().text;
    if (/(^|_)(email|mail)$/.test(n) && u?.kind !== 'email') return u?.email ?? u?.to?.[0] ?? (u?.kind === 'participant' ? null : d.email().text);
    if (!u && /post|linkedin|facebook|commentary/.test(n)) return d.posts()[0].text;
    return u?.text ?? d.summary().text;
  }

  /** A non-null string for a field the meeting gave no value for. */
  private placeholderFor(f: Frame, s: JsonSchema): string {
    const n = f.name.toLowerCase();
    if (s.format === 'date') return this.now.toISOString().slice(0, 10);
    if (s.format === 'date-time') return this.now.toISOString();
    if (/due|deadline|date|when/.test(n)) return 'No date set';
    if (/speaker|owner|assignee|responsible|who|person|author|by$/.test(n)) return this.drafts.advisor ?? 'Unassigned';
    if (/time|start|end/.test(n)) return '00:00';
    if (/mail/.test(n)) return 'not provided';
    return f.unit?.text ?? this.drafts.summary().text;
  }

  private constrainString(value: string, s: JsonSchema, f: Frame): string {
    let v = value;
    const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
    const unitMax = f.unit?.maxLength && /text|content|body|post|message|commentary|draft/.test(f.name.toLowerCase()) ? f.unit.maxLength : undefined;
    const limit = [max, unitMax].filter((x): x is number => x !== undefined).reduce((a, b) => Math.min(a, b), Infinity);
    if (Number.isFinite(limit)) v = fitText(v, limit, f.unit && v === f.unit.text ? f.unit.sentences : undefined);
    const min = typeof s.minLength === 'number' ? s.minLength : 0;
    if (cpLength(v) < min) {
      const filler = ` ${this.drafts.summary().text}`;
      while (cpLength(v) < min) v += filler;
      v = cut(v, Number.isFinite(limit) ? limit : Math.max(min, cpLength(v)));
    }
    if (typeof s.pattern === 'string') {
      let re: RegExp | undefined;
      try {
        re = new RegExp(s.pattern, 'u');
      } catch {
        re = undefined;
      }
      if (re && !re.test(v)) {
        const candidates = [f.unit?.id, f.unit?.title, f.unit?.text, slug(v), v.replace(/\s+/g, ''), `#${slug(v).replace(/-/g, '')}`, formatTime(this.src(f)?.startSec), '0', 'a', 'A'];
        const ok = candidates.find((c) => c !== undefined && re.test(c) && cpLength(c) >= min && cpLength(c) <= limit);
        if (ok !== undefined) v = ok;
      }
    }
    return v;
  }

  private genNumber(s: JsonSchema, f: Frame, integer: boolean): number {
    const n = f.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    const src = this.src(f);
    let v: number;
    if (/segment|index|idx|(^|_)line|(^|_)seg|(^|_)id$|ids$/.test(n) || (f.kind === 'evidence' && !/time|sec|start|end/.test(n))) v = src?.index ?? f.index;
    else if (/(^|_)end|until|to_sec/.test(n)) v = src?.endSec ?? src?.startSec ?? 0;
    else if (/start|begin|offset|time|timestamp|sec|(^|_)at$|(^|_)from/.test(n)) v = src?.startSec ?? 0;
    else if (/confidence|score|probability|certainty|relevance/.test(n)) v = 0.8;
    else if (/duration|minutes/.test(n)) v = Math.round((this.drafts.analysis.durationSec ?? 0) / 60);
    else if (/priority|rank|order|position|step|number|(^|_)n$/.test(n)) v = f.index + 1;
    else if (/count|total/.test(n)) v = 1;
    else if (/length|chars|characters/.test(n)) v = f.unit?.text.length ?? 0;
    else v = f.index + 1;
    if (/confidence|score|probability/.test(n) && typeof s.maximum === 'number' && s.maximum > 1) v = Math.round(v * s.maximum);
    return this.clampNumber(v, s, integer);
  }

  private clampNumber(value: number, s: JsonSchema, integer: boolean): number {
    let v = integer ? Math.round(value) : value;
    const step = integer ? 1 : 0.01;
    if (typeof s.minimum === 'number' && v < s.minimum) v = s.minimum;
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) v = s.exclusiveMinimum + step;
    if (typeof s.maximum === 'number' && v > s.maximum) v = s.maximum;
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) v = s.exclusiveMaximum - step;
    if (integer) v = Math.ceil(v - 1e-9);
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
      v = Math.round(v / s.multipleOf) * s.multipleOf;
      if (typeof s.maximum === 'number' && v > s.maximum) v -= s.multipleOf;
      if (typeof s.minimum === 'number' && v < s.minimum) v += s.multipleOf;
    }
    return v;
  }

  private genBoolean(f: Frame): boolean {
    const n = f.name.toLowerCase();
    if (/pii|promis|guarantee|violation|flag|risk|unsafe|identif/.test(n)) return this.drafts.worstCase ? this.drafts.flags().length > 0 : false;
    if (/compliant|safe|valid|approved|ok|appropriate|passes/.test(n)) return this.drafts.followsGuidance;
    if (/review/.test(n)) return this.drafts.flags().length > 0;
    if (/fallback|truncated|error/.test(n)) return false;
    return false;
  }

  private pickEnum(values: unknown[], f: Frame): unknown {
    const candidate = this.stringFor(f, {});
    const hints = [candidate, f.unit?.platform, f.unit?.role, f.unit?.kind, f.unit?.automationId, f.kind, f.unit?.topic]
      .filter((x): x is string => typeof x === 'string')
      .map((x) => x.toLowerCase());
    if (/automation|^id$/i.test(f.name) && f.unit?.kind === 'post') {
      const byIndex = values[f.index % values.length];
      if (byIndex !== undefined) {
        const wanted = f.unit.automationId;
        return wanted && values.includes(wanted) ? wanted : byIndex;
      }
    }
    for (const h of hints) {
      const exact = values.find((v) => typeof v === 'string' && v.toLowerCase() === h);
      if (exact !== undefined) return exact;
    }
    for (const h of hints) {
      const partial = values.find((v) => typeof v === 'string' && v.length > 1 && (h.includes(v.toLowerCase()) || v.toLowerCase().includes(h)));
      if (partial !== undefined) return partial;
    }
    if (/compliant|status|severity|risk|level/.test(f.name.toLowerCase())) {
      const calm = values.find((v) => typeof v === 'string' && /^(low|none|ok|pass|passed|compliant|draft|pending|normal)$/i.test(v));
      if (calm !== undefined) return calm;
    }
    return values[f.index % values.length];
  }
}

// ------------------------------------------------------------------ helpers

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function itemKind(kind: Kind): Kind {
  return kind;
}

function nullableName(n: string): boolean {
  return /due|deadline/.test(n);
}

export function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(name)) return name;
  if (/Ids$|ids$/.test(name)) return name.replace(/s$/, '');
  return name.replace(/s$/, '');
}

function variant(text: string, cycle: number): string {
  return cycle > 0 ? `${text} (${cycle + 1})` : text;
}

export function cpLength(s: string): number {
  return Array.from(s).length;
}

function cut(s: string, n: number): string {
  return Array.from(s).slice(0, Math.max(0, n)).join('');
}

/** Shortens to `max` code points: whole sentences when it can, else whole words, else a hard cut. */
export function fitText(text: string, max: number, sentences?: Unit[]): string {
  if (cpLength(text) <= max) return text;
  if (sentences?.length) {
    let out = '';
    for (const s of sentences) {
      const next = out ? `${out}${out.endsWith('\n') ? '' : ' '}${s.text}` : s.text;
      if (cpLength(next.trim()) > max) continue;
      out = next;
    }
    if (out.trim()) return out.trim();
  }
  const parts = text.split(/(?<=[.!?])\s+/);
  let out = '';
  for (const p of parts) {
    const next = out ? `${out} ${p}` : p;
    if (cpLength(next) > max) break;
    out = next;
  }
  if (out) return out;
  const words = text.split(/\s+/);
  out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (cpLength(next) > Math.max(0, max - 1)) break;
    out = next;
  }
  return out ? `${out}…` : cut(text, max);
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ------------------------------------------------------------------ strict-mode checks

/** What OpenAI rejects in a strict json_schema (400); returns the first problem, or undefined. */
export function strictSchemaProblem(schema: unknown): string | undefined {
  if (!schema || typeof schema !== 'object') return 'schema must be a JSON object';
  const root = schema as JsonSchema;
  if (root.type !== 'object' || root.anyOf) return "root schema must be of type 'object' and not use 'anyOf'";
  const visit = (s: unknown, where: string, depth: number): string | undefined => {
    if (depth > 10) return `schema at ${where} exceeds the nesting limit of 10`;
    if (!s || typeof s !== 'object') return undefined;
    const o = s as JsonSchema;
    const types = Array.isArray(o.type) ? o.type : [o.type];
    if (types.includes('object') || o.properties) {
      const props = Object.keys((o.properties ?? {}) as object);
      if (o.additionalProperties !== false) return `In context=${where}, 'additionalProperties' is required to be supplied and to be false.`;
      const required = Array.isArray(o.required) ? (o.required as string[]) : [];
      const missing = props.filter((p) => !required.includes(p));
      if (missing.length) return `In context=${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
      for (const p of props) {
        const err = visit((o.properties as Record<string, unknown>)[p], `${where}.properties.${p}`, depth + 1);
        if (err) return err;
      }
    }
    if (o.items) {
      const err = visit(o.items, `${where}.items`, depth + 1);
      if (err) return err;
    }
    for (const key of ['anyOf', '$defs', 'definitions'] as const) {
      const v = o[key];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const err = visit(v[i], `${where}.${key}[${i}]`, depth + 1);
          if (err) return err;
        }
      } else if (v && typeof v === 'object') {
        for (const [k, sub] of Object.entries(v)) {
          const err = visit(sub, `${where}.${key}.${k}`, depth);
          if (err) return err;
        }
      }
    }
    return undefined;
  };
  return visit(root, '()', 0);
}
