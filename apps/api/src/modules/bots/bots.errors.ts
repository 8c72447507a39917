import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../infra/http/app-error';

export enum BotsErrorCode {
  BOT_NOT_FOUND = 'BOT_NOT_FOUND',
  MEETING_NOT_FOUND = 'MEETING_NOT_FOUND',
  WEBHOOK_SIGNATURE_INVALID = 'WEBHOOK_SIGNATURE_INVALID',
}

export const BotsErrors = {
  notFound: () => new AppError(BotsErrorCode.BOT_NOT_FOUND, 'Notetaker bot was not found', HttpStatus.NOT_FOUND),
  meetingNotFound: () => new AppError(BotsErrorCode.MEETING_NOT_FOUND, 'Meeting was not found', HttpStatus.NOT_FOUND),
  badSignature: () => new AppError(BotsErrorCode.WEBHOOK_SIGNATURE_INVALID, 'Missing or invalid webhook signature', HttpStatus.UNAUTHORIZED),
};

/** Creation waits for the advisor's hourly quota: the job is delayed, not failed. */
export class BotCreationDeferred extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Bot creation deferred for ${Math.ceil(retryAfterMs / 1000)} s (hourly limit)`);
    this.name = 'BotCreationDeferred';
  }
}

/** Another worker is calling the provider for this bot right now; retry shortly. */
export class BotBusy extends Error {
  readonly retryAfterMs = 2000;
  constructor() {
    super('Another worker is updating this bot; retrying shortly');
    this.name = 'BotBusy';
  }
}
