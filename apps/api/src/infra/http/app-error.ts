import { HttpStatus } from '@nestjs/common';

/**
 * An error a module raises on purpose: a stable machine-readable code, a message that tells the
 * caller what to do, and the HTTP status the exception filter answers with.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found`, HttpStatus.NOT_FOUND);
  }
  static conflict(code: string, message: string): AppError {
    return new AppError(code, message, HttpStatus.CONFLICT);
  }
  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError('FORBIDDEN', message, HttpStatus.FORBIDDEN);
  }
  static unauthorized(message = 'Sign in to continue'): AppError {
    return new AppError('UNAUTHORIZED', message, HttpStatus.UNAUTHORIZED);
  }
  static validation(message: string, details: unknown[] = []): AppError {
    return new AppError('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST, details);
  }
}
