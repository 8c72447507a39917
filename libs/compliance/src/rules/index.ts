import type { RulePack } from '../types';
import { FINRA_2210_PACK } from './finra-2210.pack';
import { SEC_MARKETING_PACK } from './sec-marketing.pack';
import { REG_SP_PACK } from './reg-sp.pack';
import { FIRM_POLICY_PACK } from './firm-policy.pack';
import { STATE_ADDITIONS_PACK } from './state-additions.pack';

export { FINRA_2210_PACK, SEC_MARKETING_PACK, REG_SP_PACK, FIRM_POLICY_PACK, STATE_ADDITIONS_PACK };
export { RESTRICTED_TOPIC_LEXICON } from './restricted-topics';

export const DEFAULT_RULE_PACKS: RulePack[] = [FINRA_2210_PACK, SEC_MARKETING_PACK, REG_SP_PACK, FIRM_POLICY_PACK, STATE_ADDITIONS_PACK];
