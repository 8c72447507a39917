import type { RulePack } from '../types';
import { ADVISORY_WORK, COLLEAGUE, PRIVATE_DETAIL } from './lexicon';

export const REG_SP_PACK: RulePack = {
  id: 'reg-s-p',
  version: '2026.11.1',
  title: 'Regulation S-P / S-ID: client privacy and identifiers',
  rules: [
    {
      id: 'reg-sp-248-30-identifier',
      category: 'pii',
      severity: 'critical',
      rationale: 'Reg S-P (17 CFR 248.30, 2024 amendments), Reg S-ID: an identifier that enables contact, identification or account access (SSN, account/card/routing numbers, DOB, personal phone/email, home address, IDs, credentials) must never appear in a public post.',
      detector: 'pii',
    },
    {
      id: 'reg-sp-248-3-client-identity',
      category: 'client_confidential',
      severity: 'critical',
      rationale: 'Reg S-P 248.3 (NPI includes the fact of the customer relationship); fiduciary duty of confidentiality; FINRA 2010: naming or identifying a client, or revealing a client\'s private financial, health, family or employment situation, needs written consent.',
      detector: 'client_confidential',
      params: {
        privateDetail: PRIVATE_DETAIL,
        advisoryWork: ADVISORY_WORK,
        colleague: COLLEAGUE,
        descriptor:
          "\\b(?:the|our|a|my|one) (?:retired |former |longtime |local |new |beloved )*(?:fire chief|police chief|chief of police|sheriff|mayor|town (?:doctor|vet|veterinarian|dentist|pharmacist|librarian|clerk|manager|attorney|judge)|(?:high )?school principal|principal of|superintendent|pastor|priest|rabbi|imam|head coach|football coach|owner of (?:the )?[a-z']+|founder of [a-z']+|ceo of [a-z']+|only (?:dentist|doctor|vet|veterinarian|pharmacist|lawyer|attorney|bakery|restaurant|hardware store|florist|barber|pediatrician|surgeon|architect|bookstore|coffee shop|diner|pharmacy|funeral home|car dealership|dealership))\\b",
        locality: "\\b(?:small town|our town|in town|this town|our (?:little )?(?:village|community|county)|local|around here|down the street|[a-z]+ (?:county|high school|hospital|elementary|middle school|fire department|police department)|of [a-z]+ (?:springs|falls|valley|creek|city|park))\\b|\\bat [A-Z][\\w&'.-]+|\\bin [A-Z][a-z]+",
        employerRole: "\\b(?:[Aa]n?|[Tt]he|[Oo]ur|[Mm]y) (?:retired |former |longtime |senior |young )?[A-Z][\\w&'.-]+ (?:engineer|nurse|teacher|executive|manager|director|pilot|doctor|physician|surgeon|professor|attorney|lawyer|vp|officer|employee|worker|machinist|mechanic|scientist|analyst|accountant|firefighter|police officer|exec|founder|owner|partner|coach|pastor)s?\\b",
        roleAtEmployer: "\\b(?:nurse|teacher|engineer|manager|director|executive|vp|vice president|attorney|doctor|physician|surgeon|professor|pilot|officer|chief \\w+ officer|cfo|ceo|coo|cto|founder|owner|partner|principal|coach|pastor) (?:at|of) (?:the )?[A-Z][\\w&'.-]+",
      },
    },
  ],
};
