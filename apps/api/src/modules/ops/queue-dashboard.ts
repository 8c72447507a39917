import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { declaredQueues } from '../../infra/queue/queue.constants';
import { TokensService } from '../auth/tokens.service';
import { MetricsService } from './metrics.service';

const BASE = '/admin/queues';
const COOKIE = 'am_ops';

/**
 * bull-board at /admin/queues, for admins only. A browser cannot send a bearer header on a page
 * load, so the SPA opens `/admin/queues?access_token=…` once; the token is checked (admin role,
 * not revoked) and kept in an httpOnly cookie limited to this path for its remaining lifetime.
 */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tokens: TokensService,
  ) {}

  mount(app: INestApplication, secureCookies: boolean): void {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(BASE);
    createBullBoard({ queues: declaredQueues().map((q) => new BullMQAdapter(this.metrics.queue(q))), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Aftermeet queues' } } });
    app.use(BASE, async (req: Request, res: Response, next: NextFunction) => {
      const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
      const token = fromQuery ?? (req.cookies as Record<string, string> | undefined)?.[COOKIE];
      try {
        if (!token) throw new Error('no token');
        const claims = await this.tokens.verifyAccess(token);
        if (claims.role !== 'admin') throw new Error('not admin');
        if (fromQuery) {
          res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: BASE, maxAge: Math.max(0, (claims.exp ?? 0) * 1000 - Date.now()) });
          return res.redirect(302, BASE);
        }
        next();
      } catch {
        res.status(401).type('html').send('<p>The queue dashboard is for admins. Open it from the Ops page of Aftermeet while signed in as an admin.</p>');
      }
    }, adapter.getRouter());
  }
}
