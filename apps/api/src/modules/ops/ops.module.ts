import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { HttpMetricsInterceptor } from './metrics.interceptor';
import { MetricsService } from './metrics.service';
import { OpsController } from './ops.controller';
import { OpsService } from './ops.service';
import { QueueDashboard } from './queue-dashboard';

@Module({
  imports: [AuthModule],
  controllers: [OpsController],
  providers: [MetricsService, OpsService, QueueDashboard, { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor }],
  exports: [MetricsService, QueueDashboard],
})
export class OpsModule {}
