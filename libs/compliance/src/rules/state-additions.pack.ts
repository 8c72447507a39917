import type { RulePack } from '../types';

/** State additions: insurance-advertising and senior-designation rules adopted by many states. */
export const STATE_ADDITIONS_PACK: RulePack = {
  id: 'state-additions',
  version: '2026.11.1',
  title: 'State insurance and securities advertising additions',
  rules: [
    {
      id: 'state-naic-570-unqualified-annuity-guarantee',
      category: 'promissory',
      severity: 'critical',
      rationale: 'NAIC Advertisements of Life Insurance and Annuities Model Regulation (#570) as adopted by the states: an annuity guarantee must be tied to the issuer\'s claims-paying ability; unqualified, it is promissory.',
      patterns: ['\\bguaranteed (?:lifetime |for life |monthly |annual )?(?:income|payments?|payouts?|growth|returns?|rate)\\b'],
      requireNearby: ['\\b(?:annuit\\w*|income rider|myga|fixed indexed|fia)\\b'],
      unless: ['\\bclaims[- ]paying\\b', '\\bsubject to\\b', '\\bbacked by the (?:financial )?strength\\b'],
      nearbyScope: 'sentence',
    },
    {
      id: 'state-nasaa-senior-designation',
      category: 'exaggerated_claim',
      severity: 'medium',
      rationale: 'NASAA Model Rule on the use of senior-specific certifications and designations (adopted by most states): implying special expertise in advising seniors through unaccredited titles is misleading.',
      patterns: ['\\b(?:senior|retirement|elder) (?:specialist|expert|guru)\\b', "\\b(?:america's|the nation's|the country's) (?:retirement|senior|annuity) (?:expert|authority|specialist)\\b"],
    },
  ],
};
