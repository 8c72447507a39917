import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../infra/http/app-error';

/** Codes the Publishing module answers with (besides Compliance's NOT_APPROVED / CHANGED_SINCE_APPROVAL / LOCKED_DISCLOSURE_MISSING). */
export enum PublishingErrorCode {
  CONNECTION_NOT_READY = 'CONNECTION_NOT_READY',
  WRONG_ACCOUNT = 'WRONG_ACCOUNT',
  PLATFORM_MISMATCH = 'PLATFORM_MISMATCH',
  TOO_LONG_FOR_PLATFORM = 'TOO_LONG_FOR_PLATFORM',
  SCHEDULE_IN_PAST = 'SCHEDULE_IN_PAST',
  NOT_CANCELLABLE = 'NOT_CANCELLABLE',
  NOT_RETRYABLE = 'NOT_RETRYABLE',
  PAGE_NOT_AVAILABLE = 'PAGE_NOT_AVAILABLE',
  NOT_A_FACEBOOK_LOGIN = 'NOT_A_FACEBOOK_LOGIN',
  NOT_NEEDS_CHECK = 'NOT_NEEDS_CHECK',
  NOT_ON_PLATFORM = 'NOT_ON_PLATFORM',
}

export const PublishingErrors = {
  connectionNotReady: (status: string) =>
    AppError.conflict(PublishingErrorCode.CONNECTION_NOT_READY, `This connection is ${status.replace('_', ' ')}; re-connect it in Settings before posting`),
  wrongAccount: () => AppError.conflict(PublishingErrorCode.WRONG_ACCOUNT, "A post is published only on its own advisor's connected accounts"),
  platformMismatch: (post: string, account: string) =>
    AppError.conflict(PublishingErrorCode.PLATFORM_MISMATCH, `This post was approved for ${post}; it cannot be published to a ${account} account`),
  tooLong: (platform: string, length: number, max: number) =>
    AppError.conflict(PublishingErrorCode.TOO_LONG_FOR_PLATFORM, `The post is ${length} characters once formatted for ${platform}; the limit is ${max}. Shorten it and have it approved again`),
  scheduleInPast: () => new AppError(PublishingErrorCode.SCHEDULE_IN_PAST, 'scheduledAt is in the past; pick a later time or omit it to publish now', HttpStatus.BAD_REQUEST),
  notCancellable: (status: string) => AppError.conflict(PublishingErrorCode.NOT_CANCELLABLE, `Only scheduled posts can be cancelled; this one is ${status.replace('_', ' ')}`),
  notNeedsCheck: (status: string) => AppError.conflict(PublishingErrorCode.NOT_NEEDS_CHECK, `Only publications marked needs-check are resolved by hand; this one is ${status.replace('_', ' ')}`),
  notOnPlatform: (platform: string, externalId: string, why: string) =>
    AppError.conflict(PublishingErrorCode.NOT_ON_PLATFORM, `${platform} does not show post ${externalId} as we sent it (${why}); check the id, or resolve it as not published`),
  notRetryable: (status: string) => AppError.conflict(PublishingErrorCode.NOT_RETRYABLE, `Only failed publications can be retried; this one is ${status.replace('_', ' ')}`),
};
