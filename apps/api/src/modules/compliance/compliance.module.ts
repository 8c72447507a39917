import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ComplianceEngine } from './compliance-engine';
import { ComplianceController } from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { FirmRule } from './entities/firm-rule.entity';
import { PostSubmission } from './entities/post-submission.entity';
import { ReviewDecision } from './entities/review-decision.entity';
import { ReviewItem } from './entities/review-item.entity';
import { RecordsService } from './records.service';
import { RulesService } from './rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([PostSubmission, ReviewDecision, ReviewItem, FirmRule]), AuthModule],
  controllers: [ComplianceController],
  providers: [ComplianceEngine, ComplianceRepository, ComplianceService, RulesService, RecordsService],
  exports: [ComplianceService, ComplianceEngine],
})
export class ComplianceModule {}
