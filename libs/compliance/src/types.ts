/** Public types of the compliance engine. Framework-free: shared by the API (NestJS) and the SPA. */

export const CATEGORIES = [
  'promissory',
  'performance_projection',
  'testimonial',
  'specific_recommendation',
  'exaggerated_claim',
  'pii',
  'client_confidential',
  'restricted_topic',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Platform = 'linkedin' | 'facebook';

export interface Flag {
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the ORIGINAL content, end exclusive (String#slice semantics). */
  start: number;
  end: number;
  /** The original text of the span; masked for `pii`. */
  excerpt: string;
  message: string;
  ruleId: string;
  rationale?: string;
}

/**
 * A rule is data. Patterns are JavaScript regular-expression sources matched case-insensitively
 * against the NORMALIZED post (NFKC, lower case, folded quotes/dashes, hashtags split, spaced
 * letters rejoined). `phrases` are literal words/phrases (escaped, whole-word) for firm rules.
 */
export interface RuleDefinition {
  id: string;
  category: Category;
  severity: Severity;
  /** Rule citation plus plain words; shown to the reviewer. */
  rationale: string;
  /** Message for the advisor; defaults to a per-category message. */
  message?: string;
  patterns?: string[];
  phrases?: string[];
  /** Cheap pre-check (performance only): literal lower-case substrings; if none occurs in the post the rule is skipped. */
  triggers?: string[];
  /** Every entry must match somewhere in the same scope (AND of groups); prefix an entry with '@sentence:' to test it on the whole sentence. */
  requireNearby?: string[];
  /** Scope of `requireNearby` and `unless`: the clause or the sentence around the match (default sentence). */
  nearbyScope?: 'clause' | 'sentence' | 'window' | 'post';
  /** Suppress the match if any of these matches in the same sentence. */
  unless?: string[];
  /** Suppress the match if any of these matches anywhere in the nearby window (facts that qualify a claim, like claims-paying ability). */
  unlessInWindow?: string[];
  /** Default true: a negation cue ("no one can", "not", "doesn't") just before the match suppresses it. */
  negatable?: boolean;
  /** Contexts where the rule does not apply (defaults: disclaimers, warnings, famous quotes, testimonial quotes). */
  skip?: {
    disclaimers?: boolean;
    warnings?: boolean;
    famousQuotes?: boolean;
    testimonialQuotes?: boolean;
    questions?: boolean;
    hedged?: boolean;
  };
  /** Raise severity when any of these matches in the sentence (e.g. claims about performance). */
  escalate?: { patterns: string[]; severity: Severity };
  /** Name of a built-in detector (pii, client_confidential, restricted_topic, ...) and its data. */
  detector?: string;
  params?: Record<string, unknown>;
  /** Match against the case-preserving normalized text (tickers, names). */
  cased?: boolean;
}

export interface RulePack {
  id: string;
  version: string;
  title: string;
  rules: RuleDefinition[];
}

export type RiskTolerance = 'conservative' | 'moderate' | 'aggressive';

export interface FirmComplianceSettings {
  /** Risk score at or above which a post goes to review. Default 30 (moderate); never above 60. */
  autoApprovalThreshold?: number;
  /** Default threshold when autoApprovalThreshold is not set: conservative 20, moderate 30, aggressive 40. */
  riskTolerance?: RiskTolerance;
  /** Locked disclosures, injected verbatim into every post. */
  requiredDisclosures?: string[];
  restrictedTopics?: string[];
  /** Per-topic severity override (e.g. { cryptocurrency: 'critical' } blocks). */
  restrictedTopicSeverity?: Record<string, Severity>;
  disabledRuleIds?: string[];
  customRules?: RuleDefinition[];
  /** Facebook posts that discuss investments always go to review. Default true. */
  facebookInvestmentAlwaysReview?: boolean;
  /** A broker-dealer whose WSPs require principal sign-off for everything sets this false. Default true. */
  autoApprovalEnabled?: boolean;
}

export interface ValidateInput {
  content: string;
  platform: Platform;
  context?: {
    clientNames?: string[];
    restrictedTopics?: string[];
    firm?: FirmComplianceSettings;
  };
}

export interface PersonSpan {
  start: number;
  end: number;
  text: string;
}

/** Optional NLP plugin (e.g. wink-nlp on the server). The core never requires it. */
export interface NlpPlugin {
  name: string;
  /** Person-name spans (offsets into the given text). */
  findPersons(text: string): PersonSpan[];
}

export interface EngineOptions {
  nlp?: NlpPlugin;
  /** Replace the built-in rule packs (tests, or a firm pinned to older pack versions). */
  rulePacks?: RulePack[];
  /** Include `rationale` on every flag (default true). */
  includeRationale?: boolean;
  /** Skip rules whose required literals are absent from the post (default true; it skips only scans that cannot match, so results are the same). */
  prefilter?: boolean;
}

export interface InjectedDisclaimer {
  id: string;
  text: string;
  reason: string;
  locked: boolean;
}

export interface ScoreContribution {
  category: Category;
  severity: Severity;
  weight: number;
  contribution: number;
}

export type DecisionOutcome = 'auto_approved' | 'needs_review' | 'blocked';

export interface ValidationResult {
  approved: boolean;
  riskScore: number;
  approvalRequired: boolean;
  flags: Flag[];
  /** Plain-language edits the advisor or reviewer must make (strings, one per action). */
  requiredModifications: string[];
  injectedDisclaimers: InjectedDisclaimer[];
  validatedContent: string;
  engineVersion: string;
  rulePackVersions: Record<string, string>;
  decision: { outcome: DecisionOutcome; reason: string; ruleIds: string[] };
  /** Explainable score: one entry per flagged category (section 7 of the domain guide). */
  scoreBreakdown: ScoreContribution[];
  /** Whether the engine judged that the post discusses investing (drives disclosures and Facebook review). */
  discussesInvesting: boolean;
}

export type PiiKind =
  | 'ssn'
  | 'card'
  | 'account'
  | 'routing'
  | 'phone'
  | 'email'
  | 'dob'
  | 'address'
  | 'gov_id'
  | 'credential'
  | 'person';

export interface PiiMatch {
  start: number;
  end: number;
  kind: PiiKind;
  text: string;
  /** Why it was judged PII (label, checksum, context). */
  reason: string;
}

export interface Redaction {
  start: number;
  end: number;
  kind: PiiKind;
  replacement: string;
}

export interface PiiOptions {
  /** Known names to redact (client names, attendees). */
  names?: string[];
  nlp?: NlpPlugin;
  /**
   * 'post' (default for validatePost): business contact details offered for contacting the firm
   * are not PII. 'transcript' (default for redactPii): redact every phone/email/address.
   */
  mode?: 'post' | 'transcript';
}
