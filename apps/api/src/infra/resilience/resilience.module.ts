import { DynamicModule, Global, Module } from '@nestjs/common';
import { ProviderName } from './provider-error';
import { RateLimitService } from './rate-limit.service';
import { ProviderPolicy } from './resilience.policies';
import { RESILIENCE_OVERRIDES, ResilienceService } from './resilience.service';

@Global()
@Module({})
export class ResilienceModule {
  static forRoot(overrides: Partial<Record<ProviderName, Partial<ProviderPolicy>>> = {}): DynamicModule {
    return {
      module: ResilienceModule,
      providers: [ResilienceService, RateLimitService, { provide: RESILIENCE_OVERRIDES, useValue: overrides }],
      exports: [ResilienceService, RateLimitService],
    };
  }
}
