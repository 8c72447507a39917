import type { components } from '@api-client/schema';

/** Shorthand for the generated DTO types: Dto<'MeetingDto'>. */
export type Dto<K extends keyof components['schemas']> = components['schemas'][K];
