import { Injectable } from '@nestjs/common';
import { createWinkNlp } from '../../../../../libs/compliance/src/nlp/wink';
import {
  checkLockedDisclosures,
  DEFAULT_RULE_PACKS,
  FirmComplianceSettings,
  NlpPlugin,
  redactPii,
  RuleDefinition,
  validatePost,
  ValidateInput,
  ValidationResult,
} from '../../../../../libs/compliance/src';

/** The framework-free engine (libs/compliance) with the server-side NLP plugin loaded once. */
@Injectable()
export class ComplianceEngine {
  private nlp?: NlpPlugin;

  private plugin(): NlpPlugin {
    this.nlp ??= createWinkNlp();
    return this.nlp;
  }

  validate(input: ValidateInput): ValidationResult {
    return validatePost(input, { nlp: this.plugin() });
  }

  /** Redacts identifiers and known names; with `nlp`, also names a recogniser finds (pass a filtered plugin for long transcripts). */
  redact(text: string, names: string[] = [], nlp: NlpPlugin | null = this.plugin()): { text: string; redactions: { start: number; end: number; kind: string; replacement: string }[] } {
    return redactPii(text, { names, ...(nlp ? { nlp } : {}) });
  }

  get nlpPlugin(): NlpPlugin {
    return this.plugin();
  }

  lockedDisclosuresPresent(text: string, settings: Pick<FirmComplianceSettings, 'requiredDisclosures'>): { ok: boolean; missing: string[] } {
    return checkLockedDisclosures(text, settings);
  }

  packs() {
    return DEFAULT_RULE_PACKS;
  }
}

export type { FirmComplianceSettings, RuleDefinition, ValidationResult };
