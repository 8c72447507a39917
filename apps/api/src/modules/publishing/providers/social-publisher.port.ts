import { ProviderError, ProviderName } from '../../../infra/resilience/provider-error';
import type { SocialPlatform } from '../entities/social-account.entity';

/** Where a post goes: the member or Page id and its token (decrypted for the call only). */
export interface PublishTarget {
  externalId: string;
  accessToken: string;
}

export interface CreatedPost {
  externalId: string;
  liveUrl: string;
}

export type ReadBack = { found: true; text: string; liveUrl: string } | { found: false };

/** The answer to "is our post already there?" after an attempt whose outcome we do not know. */
export type Lookup = { found: CreatedPost } | { notFound: true } | { unsupported: string };

/**
 * The platform says this exact text was already posted; `existingId` when it names the post
 * (LinkedIn's 422 DUPLICATE_POST does, Facebook's 506 does not).
 */
export class DuplicatePostError extends ProviderError {
  constructor(
    provider: ProviderName,
    message: string,
    readonly existingId: string | null,
    status: number,
  ) {
    super(provider, 'permanent', message, { status, code: 'DUPLICATE_POST' });
  }
}

/**
 * One adapter per vendor, gathered in SocialPublisherRegistry by platform. Adapters speak the real
 * HTTP contract (external-apis.md §4, §5) and classify failures as ProviderError kinds; the
 * resilience wrapper and the publishing state machine decide what to do.
 */
export interface SocialPublisher {
  readonly platform: SocialPlatform;
  /** Longest payload text the platform accepts. */
  readonly maxLength: number;
  /** The approved text as the platform's payload expects it (escaping, hashtags); renders back to the same text. */
  format(text: string): string;
  publish(target: PublishTarget, body: string, signal: AbortSignal): Promise<CreatedPost>;
  /** Reads a post back; `text` is the payload text as stored by the platform. */
  readBack(target: PublishTarget, externalId: string, signal: AbortSignal): Promise<ReadBack>;
  /** Looks for a post with this payload text created since `since`, where the platform lets us list them. */
  findRecent(target: PublishTarget, body: string, since: Date, signal: AbortSignal): Promise<Lookup>;
  liveUrl(externalId: string): string;
}

export const SOCIAL_PUBLISHERS = Symbol('SOCIAL_PUBLISHERS');
