import type { Obedience, InjectionTarget } from './instructions';
import type { MeetingAnalysis, Sentence } from './meeting-analysis';
import type { AutomationHint, InputSegment, PromptInput } from './prompt-input';
import type { TopicKnowledge } from './topic-knowledge';

/**
 * The pieces of content the sandbox model can write about a meeting, each carrying the transcript
 * segments it came from. The schema generator picks from these by field name.
 */
export type Kind = 'summary' | 'action' | 'email' | 'post' | 'topic' | 'participant' | 'quote' | 'flag' | 'sentence' | 'hashtag' | 'evidence';

export interface Source {
  index: number;
  speaker?: string;
  startSec?: number;
  endSec?: number;
  text: string;
}

export interface Unit {
  kind: Kind;
  id: string;
  text: string;
  /** The text as separate sentences, each with its own evidence (used for maxLength fitting and sentence arrays). */
  sentences?: Unit[];
  title?: string;
  subject?: string;
  owner?: string;
  due?: string;
  role?: string;
  email?: string;
  to?: string[];
  greeting?: string;
  signoff?: string;
  platform?: string;
  automationId?: string;
  automationName?: string;
  hashtags?: string[];
  question?: string;
  reason?: string;
  topic?: string;
  sources: Source[];
  /** Hard length limit that applies to this piece (from the automation's instructions). */
  maxLength?: number;
}

export interface DraftOptions {
  worstCase: boolean;
  obedience: Obedience;
}

const toSource = (s: InputSegment): Source => ({ index: s.index, speaker: s.speaker, startSec: s.startSec, endSec: s.endSec, text: s.text });

export function formatTime(sec: number | undefined): string {
  const t = Math.max(0, Math.floor(sec ?? 0));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${String(h).padStart(2, '0')}:${mm}:${ss}` : `${mm}:${ss}`;
}

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function firstName(name: string): string {
  return /^[\p{L}'’-]+\s/u.test(name) ? name.split(/\s+/)[0] : name;
}

export function joinSentences(units: Unit[]): string {
  return units
    .map((u) => u.text)
    .join(' ')
    .replace(/ \n/g, '\n')
    .trim();
}

export class Drafts {
  readonly topicHits;
  private postCache = new Map<number, Unit[]>();
  private readonly injectedSegments: Source[];

  constructor(
    readonly prompt: PromptInput,
    readonly analysis: MeetingAnalysis,
    readonly options: DraftOptions,
  ) {
    this.topicHits = analysis.topics;
    this.injectedSegments = analysis.segments
      .filter((s) => options.obedience.instructions.some((i) => s.text.includes(i.slice(0, 40))))
      .map(toSource);
  }

  get worstCase(): boolean {
    return this.options.worstCase;
  }

  /** Guidance is followed unless worst-case mode found an instruction to ignore it. */
  get followsGuidance(): boolean {
    return !(this.options.worstCase && this.options.obedience.dropGuidance);
  }

  private injections(target: InjectionTarget): Unit[] {
    if (!this.options.worstCase) return [];
    return this.options.obedience.injections
      .filter((i) => i.targets.includes(target))
      .map((i, n) => ({ kind: 'sentence' as Kind, id: `injected-${n + 1}`, text: i.text, sources: this.sourcesFor(i.source) }));
  }

  private sourcesFor(sentence: string): Source[] {
    const hit = this.analysis.segments.find((s) => s.text.includes(sentence.slice(0, 40)));
    return hit ? [toSource(hit)] : this.injectedSegments.slice(0, 1);
  }

  private topicSources(t: { segments: number[] }, n = 3): Source[] {
    return t.segments
      .slice(0, n)
      .map((i) => this.analysis.segments.find((s) => s.index === i))
      .filter((s): s is InputSegment => !!s)
      .map(toSource);
  }

  private sentenceUnit(s: Sentence, id: string, text = s.text): Unit {
    return { kind: 'sentence', id, text, owner: s.segment.speaker, sources: [toSource(s.segment)] };
  }

  get topicLabel(): string {
    return this.topicHits[0].topic.label;
  }

  get title(): string {
    const labels = this.topicHits.slice(0, 2).map((t) => t.topic.label);
    return labels.length ? capitalise(listJoin(labels)) : 'Meeting notes';
  }

  get advisor(): string | undefined {
    return this.analysis.advisor;
  }

  get clients(): string[] {
    return this.analysis.clients;
  }

  // ------------------------------------------------------------------ summary

  private summaryCache?: Unit;
  summary(): Unit {
    if (this.summaryCache) return this.summaryCache;
    const a = this.analysis;
    const sentences: Unit[] = [...this.injections('summary')];
    const topics = listJoin(this.topicHits.slice(0, 3).map((t) => t.topic.label));
    const who = a.advisor && a.clients.length ? `${a.advisor} met with ${listJoin(a.clients)}` : a.speakers.length > 1 ? `${listJoin(a.speakers.map((s) => s.name))} met` : 'The conversation';
    const overview = who === 'The conversation' ? `The conversation covered ${topics}.` : `${who} to discuss ${topics}.`;
    sentences.push({
      kind: 'sentence',
      id: 'summary-1',
      text: overview,
      sources: this.topicHits.slice(0, 3).flatMap((t) => this.topicSources(t, 1)),
    });
    const keys = a.keySentences.slice(0, 4).sort((x, y) => x.order - y.order);
    keys.forEach((s, i) => {
      const who2 = s.segment.speaker ? `${s.segment.speaker}: ` : '';
      sentences.push(this.sentenceUnit(s, `summary-${i + 2}`, `${who2}“${s.text}”`));
    });
    if (a.actions.length) {
      const next = a.actions.slice(0, 3).map((x) => (x.owner ? `${firstName(x.owner)} to ${lowerFirst(x.text)}` : lowerFirst(x.text)));
      sentences.push({ kind: 'sentence', id: `summary-${sentences.length + 1}`, text: `Next steps: ${next.join('; ')}.`, sources: a.actions.slice(0, 3).map((x) => toSource(x.sentence.segment)) });
    }
    this.summaryCache = unitFrom('summary', 'summary', sentences, { title: this.title, topic: this.topicLabel });
    return this.summaryCache;
  }

  /** Sentences worth a bullet: key sentences, minus statements compliance would stop (unless guidance is dropped). */
  keyPoints(): Unit[] {
    const flagged = new Set(this.analysis.flagged.map((f) => f.sentence.order));
    return this.analysis.keySentences
      .filter((s) => !this.followsGuidance || !flagged.has(s.order))
      .slice(0, 8)
      .sort((x, y) => x.order - y.order)
      .map((s, i) => this.sentenceUnit(s, `point-${i + 1}`));
  }

  // ------------------------------------------------------------------ actions

  actions(): Unit[] {
    return this.analysis.actions.map((a, i) => ({
      kind: 'action',
      id: `action-${i + 1}`,
      text: a.text,
      title: a.text,
      owner: a.owner,
      due: a.due,
      reason: `Said by ${a.sentence.segment.speaker ?? 'a participant'} at ${formatTime(a.sentence.segment.startSec)}.`,
      sources: [toSource(a.sentence.segment)],
    }));
  }

  // ------------------------------------------------------------------ email

  private emailCache?: Unit;
  email(): Unit {
    if (this.emailCache) return this.emailCache;
    const clients = this.clients.length ? this.clients : ['there'];
    const greeting = `Hi ${listJoin(clients.map(firstName))},`;
    const advisor = this.advisor ?? 'Your advisor';
    const signoff = `Best regards,\n${advisor}`;
    const sentences: Unit[] = [];
    const mk = (id: string, text: string, sources: Source[]): Unit => ({ kind: 'sentence', id, text, sources });
    sentences.push(mk('email-greeting', `${greeting}\n\n`, []));
    sentences.push(mk('email-1', `Thank you for taking the time to talk about ${this.topicLabel} today. Here is a short recap of what we covered.\n`, this.topicSources(this.topicHits[0], 1)));
    for (const inj of this.injections('email')) sentences.push({ ...inj, text: `${inj.text}\n` });
    this.keyPoints()
      .slice(0, 4)
      .forEach((p, i) => sentences.push(mk(`email-point-${i + 1}`, `- ${p.text}\n`, p.sources)));
    const acts = this.actions().slice(0, 5);
    if (acts.length) {
      sentences.push(mk('email-next', '\nNext steps:\n', []));
      acts.forEach((x, i) => sentences.push(mk(`email-action-${i + 1}`, `- ${x.owner ? `${x.owner}: ` : ''}${x.text}${x.due && !x.text.toLowerCase().includes(x.due.toLowerCase()) ? ` (${x.due})` : ''}\n`, x.sources)));
    }
    sentences.push(mk('email-close', '\nPlease reply if I missed anything or if any questions come up before we speak again.\n\n', []));
    sentences.push(mk('email-signoff', signoff, []));
    const subject = `Following up on our conversation about ${this.topicLabel}`;
    const to = this.recipientAddresses();
    this.emailCache = {
      ...unitFrom('email', 'email', sentences, { title: subject, subject, greeting, signoff, to, topic: this.topicLabel }),
      text: sentences.map((s) => s.text).join(''),
    };
    return this.emailCache;
  }

  private recipientAddresses(): string[] {
    const emails: string[] = [];
    for (const client of this.clients) {
      const escaped = client.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(`${escaped}[^\\n@]{0,60}?([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)`).exec(this.prompt.all);
      if (m) emails.push(m[1]);
    }
    return emails.length ? emails : this.clients;
  }

  // ------------------------------------------------------------------ posts

  automations(): AutomationHint[] {
    return this.prompt.automations;
  }

  posts(count = Math.max(1, this.prompt.automations.length)): Unit[] {
    const cached = this.postCache.get(count);
    if (cached) return cached;
    const posts: Unit[] = [];
    for (let i = 0; i < count; i++) posts.push(this.post(i));
    this.postCache.set(count, posts);
    return posts;
  }

  private post(i: number): Unit {
    const automation = this.prompt.automations[i];
    const hit = this.topicHits[i % this.topicHits.length];
    const topic: TopicKnowledge = hit.topic;
    const sources = this.topicSources(hit, 8);
    const platform = (automation?.platform ?? this.platformFromPrompt()).toLowerCase();
    const instructions = automation?.instructions ?? '';
    const sentences: Unit[] = [...this.injections('post')];
    const mk = (id: string, text: string, src = this.closest(text, sources)): Unit => ({ kind: 'sentence', id: `post-${i + 1}-${id}`, text, sources: src });
    const startWithQuestion = /start with a question|open with a question/i.test(instructions);
    if (startWithQuestion) sentences.push(mk('question', topic.question));
    sentences.push(mk('hook', topic.hook));
    if (!this.followsGuidance) {
      // Guidance dropped: the post quotes the meeting, names and all.
      const quote = this.analysis.keySentences.find((s) => s.segment.speaker);
      if (quote) sentences.push({ kind: 'sentence', id: `post-${i + 1}-quote`, text: `As ${quote.segment.speaker} put it in our meeting: “${quote.text}”`, sources: [toSource(quote.segment)] });
    }
    const factOffset = Math.floor(i / this.topicHits.length);
    topic.facts.forEach((f, n) => sentences.push(mk(`fact-${n + 1}`, topic.facts[(n + factOffset) % topic.facts.length] ?? f)));
    if (!startWithQuestion) sentences.push(mk('question', topic.question));
    if (this.followsGuidance) sentences.push(mk('disclaimer', 'This is general information, not individual advice.'));
    const hashtags = this.hashtagsFor(topic, instructions);
    return {
      ...unitFrom('post', `post-${i + 1}`, sentences, {}),
      text: joinPost(sentences),
      title: capitalise(topic.label),
      topic: topic.label,
      platform,
      automationId: automation?.id,
      automationName: automation?.name,
      hashtags,
      question: topic.question,
      maxLength: lengthLimit(instructions, platform, this.prompt.all),
    };
  }

  /** The (at most two) segments of a topic that share the most words with a sentence written about it. */
  private closest(text: string, sources: Source[]): Source[] {
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);
    const mine = words(text);
    const scored = sources.map((src, order) => {
      const theirs = words(src.text);
      let score = 0;
      for (const w of mine) if (theirs.has(w)) score++;
      return { src, score, order };
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, 2).sort((a, b) => a.order - b.order).map((x) => x.src);
  }

  private platformFromPrompt(): string {
    const m = /\b(linkedin|facebook)\b/i.exec(this.prompt.guidance) ?? /\b(linkedin|facebook)\b/i.exec(this.prompt.user);
    return m ? m[1] : 'linkedin';
  }

  private hashtagsFor(topic: TopicKnowledge, instructions: string): string[] {
    if (/no hashtags|without hashtags|hashtags?: none/i.test(instructions)) return [];
    const extra = this.topicHits.flatMap((t) => t.topic.hashtags);
    return [...new Set([...topic.hashtags, ...extra, '#FinancialPlanning'])].slice(0, 5);
  }

  // ------------------------------------------------------------------ lists

  topics(): Unit[] {
    return this.topicHits.map((t, i) => ({
      kind: 'topic',
      id: `topic-${i + 1}`,
      text: t.topic.label,
      title: capitalise(t.topic.label),
      topic: t.topic.label,
      hashtags: t.topic.hashtags,
      reason: `Discussed in ${t.hits} sentence${t.hits === 1 ? '' : 's'}.`,
      sources: this.topicSources(t),
    }));
  }

  phrases(): Unit[] {
    return this.analysis.phrases.map((p, i) => ({ kind: 'topic', id: `phrase-${i + 1}`, text: p, title: p, topic: p, sources: [] }));
  }

  participants(): Unit[] {
    return this.analysis.speakers.map((s, i) => {
      const seg = this.analysis.segments.find((x) => x.speaker === s.name);
      return { kind: 'participant', id: `participant-${i + 1}`, text: s.name, title: s.name, owner: s.name, role: s.role, sources: seg ? [toSource(seg)] : [] };
    });
  }

  quotes(): Unit[] {
    return this.keyPoints().map((p) => ({ ...p, kind: 'quote' as Kind }));
  }

  flags(): Unit[] {
    return this.analysis.flagged.map((f, i) => ({
      kind: 'flag',
      id: `flag-${i + 1}`,
      text: f.sentence.text,
      title: f.reason,
      reason: f.reason,
      owner: f.sentence.segment.speaker,
      sources: [toSource(f.sentence.segment)],
    }));
  }

  hashtags(): string[] {
    return [...new Set([...this.topicHits.flatMap((t) => t.topic.hashtags), '#FinancialPlanning'])];
  }
}

function unitFrom(kind: Kind, id: string, sentences: Unit[], extra: Partial<Unit>): Unit {
  const seen = new Set<number>();
  const sources = sentences.flatMap((s) => s.sources).filter((s) => (seen.has(s.index) ? false : (seen.add(s.index), true)));
  return { kind, id, text: joinSentences(sentences), sentences, sources, ...extra };
}

function joinPost(sentences: Unit[]): string {
  // Hook and injected lines first, then body, then the question and disclaimer on their own lines.
  return sentences
    .map((s) => s.text)
    .join(' ')
    .trim();
}

function lengthLimit(instructions: string, platform: string, all: string): number | undefined {
  const m = /(?:under|max(?:imum)?|at most|no more than|fewer than|less than|up to)\s+(\d[\d,]*)\s*(?:characters|chars)/i.exec(instructions);
  const fromInstructions = m ? Number(m[1].replace(/,/g, '')) : undefined;
  const platformLimit = platform === 'facebook' ? 63206 : 3000;
  const fromPrompt = new RegExp(`${platform}[^\\n]{0,40}?(\\d[\\d,]{2,})\\s*(?:characters|chars)`, 'i').exec(all);
  const limits = [fromInstructions, platformLimit, fromPrompt ? Number(fromPrompt[1].replace(/,/g, '')) : undefined].filter((x): x is number => !!x && x > 0);
  return Math.min(...limits);
}

export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  return s && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
