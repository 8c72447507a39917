import { collegeSavingsOkafor } from './meetings/college-savings-okafor';
import { estatePlanningCastellano } from './meetings/estate-planning-castellano';
import { insuranceReviewNguyen } from './meetings/insurance-review-nguyen';
import { portfolioReviewBrennan } from './meetings/portfolio-review-brennan';
import { prospectFirstMeetingAdeyemi } from './meetings/prospect-first-meeting-adeyemi';
import { retirementPlanningHollis } from './meetings/retirement-planning-hollis';
import { smallBusinessDelgado } from './meetings/small-business-delgado';
import { taxLossHarvestingMarsh } from './meetings/tax-loss-harvesting-marsh';
import type { SandboxTranscript } from './types';

export type { SandboxTranscript } from './types';
export { PROMPT_INJECTION_SENTENCE } from './meetings/prospect-first-meeting-adeyemi';

/** The meetings every emulator draws on; the order is stable (recall assigns them round-robin). */
export const TRANSCRIPTS: SandboxTranscript[] = [
  retirementPlanningHollis,
  collegeSavingsOkafor,
  portfolioReviewBrennan,
  estatePlanningCastellano,
  insuranceReviewNguyen,
  prospectFirstMeetingAdeyemi,
  taxLossHarvestingMarsh,
  smallBusinessDelgado,
];

export function getTranscript(id: string): SandboxTranscript | undefined {
  return TRANSCRIPTS.find((t) => t.id === id);
}

/** The whole meeting as plain text, one `Speaker: text` line per segment. */
export function transcriptText(transcript: SandboxTranscript): string {
  return transcript.segments.map((s) => `${s.speaker}: ${s.text}`).join('\n');
}
