import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppError } from './app-error';
import { responseMetadata } from './envelope';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Maps every error to the error envelope. Internals (stack, SQL, provider bodies) never leave the server. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<{ method: string; url: string }>();
    if (res.headersSent) return;

    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let code = 'INTERNAL_ERROR';
    let message = 'Something went wrong on our side. Try again, and quote the request id if it keeps happening.';
    let details: unknown[] | undefined;
    let headers: Record<string, string> | undefined;

    if (exception instanceof AppError) {
      status = exception.status;
      code = exception.code;
      message = exception.message;
      details = exception.details;
      headers = exception.headers;
    } else if (exception instanceof ThrottlerException) {
      status = HttpStatus.TOO_MANY_REQUESTS;
      code = 'RATE_LIMITED';
      message = 'Too many requests. Wait for the time in Retry-After, then try again.';
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
      const body = exception.getResponse();
      const text = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const cause = (exception as { cause?: unknown }).cause;
      if (status === 400 && cause instanceof SyntaxError) {
        code = 'MALFORMED_BODY';
        message = 'The request body is not valid JSON.';
      } else if (status === 404 && /^Cannot /.test(String(text))) {
        message = `No route ${req.method} ${req.url.split('?')[0]}. See /api/docs for the API.`;
      } else if (status === 413) {
        message = 'The request body is too large.';
      } else if (status < 500) {
        message = Array.isArray(text) ? text.join('; ') : String(text ?? exception.message);
      }
    } else if (isBodyParserError(exception)) {
      status = exception.status ?? 400;
      code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_BODY';
      message = status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
    }

    if (status >= 500 && !(exception instanceof AppError)) {
      this.logger.error({ err: exception, method: req.method, url: req.url }, 'request failed');
    }
    if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).json({
      success: false,
      error: { code, message, ...(details && details.length ? { details } : {}) },
      metadata: responseMetadata(),
    });
  }
}

function isBodyParserError(e: unknown): e is { status?: number; type: string } {
  return typeof e === 'object' && e !== null && 'type' in e && typeof (e as { type: unknown }).type === 'string' && 'status' in e;
}
