import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({
        field,
        messages: Object.entries(error.constraints).map(([kind, message]) =>
          kind === 'whitelistValidation' ? `${field} is not an accepted field` : message,
        ),
      });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/** The one validation pipe: unknown fields and wrong types get a 400 whose message names the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const first = details[0];
      const message = first ? `${first.messages[0]}` : 'The request is invalid';
      return AppError.validation(details.length > 1 ? `${message} (and ${details.length - 1} more)` : message, details);
    },
  });
}
