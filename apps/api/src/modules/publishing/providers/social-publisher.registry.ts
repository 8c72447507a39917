import { Injectable } from '@nestjs/common';
import type { SocialPlatform } from '../entities/social-account.entity';
import { FacebookAdapter } from './facebook.adapter';
import { LinkedInAdapter } from './linkedin.adapter';
import { SocialPublisher } from './social-publisher.port';

/** The adapters keyed by platform: publishing code asks for `get(platform)` and never names a vendor. */
@Injectable()
export class SocialPublisherRegistry {
  private readonly byPlatform: Record<SocialPlatform, SocialPublisher>;

  constructor(linkedin: LinkedInAdapter, facebook: FacebookAdapter) {
    this.byPlatform = { linkedin, facebook };
  }

  get(platform: SocialPlatform): SocialPublisher {
    return this.byPlatform[platform];
  }
}
