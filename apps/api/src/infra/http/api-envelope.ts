import { applyDecorators, SetMetadata, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { RAW_RESPONSE } from './envelope.interceptor';

export class ResponseMetadataDto {
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty() requestId: string;
  @ApiProperty({ description: 'Milliseconds spent serving the request' }) processingTime: number;
  @ApiProperty({ description: 'True when the response carries a compliance validation' }) complianceChecked: boolean;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) details?: unknown[];
}

export class ErrorEnvelopeDto {
  @ApiProperty({ enum: [false] }) success: false;
  @ApiProperty({ type: ErrorBodyDto }) error: ErrorBodyDto;
  @ApiProperty({ type: ResponseMetadataDto }) metadata: ResponseMetadataDto;
}

export class PageInfoDto {
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** Documents a route's success body as the envelope around `model` (or an array / page of it). */
export function ApiEnvelope(model: Type<unknown> | null, opts: { status?: number; isArray?: boolean; paged?: boolean; description?: string } = {}) {
  const status = opts.status ?? 200;
  let data: Record<string, unknown>;
  if (model === null) data = { type: 'object', nullable: true };
  else if (opts.paged)
    data = {
      type: 'object',
      required: ['items', 'page'],
      properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } }, page: { $ref: getSchemaPath(PageInfoDto) } },
    };
  else if (opts.isArray) data = { type: 'array', items: { $ref: getSchemaPath(model) } };
  else data = { $ref: getSchemaPath(model) };
  return applyDecorators(
    ApiExtraModels(ResponseMetadataDto, ErrorEnvelopeDto, PageInfoDto, ...(model ? [model] : [])),
    ApiResponse({
      status,
      description: opts.description ?? 'Success',
      schema: {
        type: 'object',
        required: ['success', 'data', 'metadata'],
        properties: { success: { type: 'boolean', enum: [true] }, data, metadata: { $ref: getSchemaPath(ResponseMetadataDto) } },
      },
    }),
    ApiResponse({ status: 400, description: 'Invalid input; the message names the field', type: ErrorEnvelopeDto }),
  );
}

/** The handler writes its own response (SSE, redirects, files): no envelope. */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);
