import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../infra/http/app-error';

export enum MeetingsErrorCode {
  MEETING_HAS_NO_LINK = 'MEETING_HAS_NO_LINK',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  MEETING_ENDED = 'MEETING_ENDED',
  TRANSCRIPT_FILE_INVALID = 'TRANSCRIPT_FILE_INVALID',
  TRANSCRIPT_FILE_MISSING = 'TRANSCRIPT_FILE_MISSING',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  NO_CALENDAR_CONNECTED = 'NO_CALENDAR_CONNECTED',
  TRANSCRIPTION_FAILED = 'TRANSCRIPTION_FAILED',
}

export const MeetingsErrors = {
  noLink: () => new AppError(MeetingsErrorCode.MEETING_HAS_NO_LINK, 'This meeting has no Zoom, Google Meet, Teams or Webex link, so a notetaker cannot join it.', HttpStatus.CONFLICT),
  cancelled: () => new AppError(MeetingsErrorCode.MEETING_CANCELLED, 'This meeting was cancelled in the calendar.', HttpStatus.CONFLICT),
  ended: () => new AppError(MeetingsErrorCode.MEETING_ENDED, 'This meeting has already ended; upload a transcript or recording instead.', HttpStatus.CONFLICT),
  fileMissing: () => new AppError(MeetingsErrorCode.TRANSCRIPT_FILE_MISSING, 'Attach the file in the multipart field "file".', HttpStatus.BAD_REQUEST),
  unsupported: (name: string, accepted: string) =>
    new AppError(MeetingsErrorCode.UNSUPPORTED_FILE_TYPE, `"${name}" is not a supported file type; accepted: ${accepted}.`, HttpStatus.BAD_REQUEST),
  invalidTranscript: (name: string, problem: string) =>
    new AppError(MeetingsErrorCode.TRANSCRIPT_FILE_INVALID, `"${name}" could not be read: ${problem}. Nothing was stored.`, HttpStatus.BAD_REQUEST, [{ field: 'file', problem }]),
  noCalendar: () => new AppError(MeetingsErrorCode.NO_CALENDAR_CONNECTED, 'Connect a Google account with calendar access first.', HttpStatus.CONFLICT),
  transcriptionFailed: (why: string) => new AppError(MeetingsErrorCode.TRANSCRIPTION_FAILED, `The recording could not be transcribed: ${why}. Nothing was stored.`, HttpStatus.BAD_GATEWAY),
};
