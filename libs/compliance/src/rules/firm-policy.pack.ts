import type { RulePack } from '../types';

/** Firm policy: restricted topics (FINRA 3110 supervision, Advisers Act 206(4)-7 policies). */
export const FIRM_POLICY_PACK: RulePack = {
  id: 'firm-policy',
  version: '2026.11.1',
  title: 'Firm policy (restricted topics, custom rules)',
  rules: [
    {
      id: 'firm-restricted-topic',
      category: 'restricted_topic',
      severity: 'high',
      rationale: 'Firm written supervisory procedures (FINRA 3110; Advisers Act 206(4)-7): the post touches a topic on the firm\'s restricted list (synonyms, tickers, products and slang included).',
      detector: 'restricted_topic',
    },
  ],
};
