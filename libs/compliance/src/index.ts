/**
 * @aftermeet/compliance — framework-free compliance engine for advisor social posts.
 * Imported by the API (NestJS) and the SPA (live linting) by relative path. The core has no
 * Node-only dependencies; the optional wink-nlp plugin lives in ./nlp/wink and is only loaded
 * by callers that import it.
 */
export * from './types';
export { validatePost, scoreFlags, effectiveThreshold, activeRules, ENGINE_VERSION, SEVERITY_WEIGHT } from './engine';
export { checkLockedDisclosures, PLATFORM_LIMITS, DISCLOSURES } from './disclaimers';
export { detectPii, redactPii, maskPii, luhnValid, abaValid, ssnStructureValid } from './pii';
export { normalize, toOriginal, type Normalized } from './normalize';
export { DEFAULT_RULE_PACKS, FINRA_2210_PACK, SEC_MARKETING_PACK, REG_SP_PACK, FIRM_POLICY_PACK, STATE_ADDITIONS_PACK, RESTRICTED_TOPIC_LEXICON } from './rules';
