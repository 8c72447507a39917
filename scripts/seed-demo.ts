// Demo data for `npm start`: two firms whose members are the sandbox's Google test accounts, so
// signing in as Ann Lee (admin), Marcus Chen (advisor) or Priya Patel (compliance officer) lands
// in a firm with settings, disclosures and automations already in place. Idempotent.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/infra/config/config';
import { AuditService } from '../apps/api/src/modules/audit/audit.service';
import { AdvisorProfile } from '../apps/api/src/modules/auth/entities/advisor-profile.entity';
import { DEFAULT_FIRM_COMPLIANCE, Firm } from '../apps/api/src/modules/auth/entities/firm.entity';
import { FirmMember } from '../apps/api/src/modules/auth/entities/firm-member.entity';
import { User } from '../apps/api/src/modules/auth/entities/user.entity';
import { Automation } from '../apps/api/src/modules/content/entities/automation.entity';

const FIRMS = [
  {
    name: 'Lee Wealth Partners',
    disclosure: 'Advisory services offered through Lee Wealth Partners LLC, an SEC-registered investment adviser.',
    members: [
      { email: 'ann.lee@leewealth.example', name: 'Ann Lee', role: 'admin' as const, crd: '4812377' },
      { email: 'marcus.chen@leewealth.example', name: 'Marcus Chen', role: 'advisor' as const, crd: '6120554' },
      { email: 'priya.patel@leewealth.example', name: 'Priya Patel', role: 'compliance_officer' as const, crd: null },
    ],
  },
  {
    name: 'Harborview Financial Planning',
    disclosure: 'Harborview Financial Planning is a state-registered investment adviser.',
    members: [{ email: 'david.okafor@harborviewfp.example', name: 'David Okafor', role: 'admin' as const, crd: '5533019' }],
  },
];

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, API_ROLE: 'api', LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  const ds = app.get(DataSource);
  const audit = app.get(AuditService);
  let created = 0;
  for (const f of FIRMS) {
    if (await ds.getRepository(Firm).existsBy({ name: f.name })) continue;
    await ds.transaction(async (tx) => {
      const firm = await tx.getRepository(Firm).save(
        tx.getRepository(Firm).create({ name: f.name, compliance: { ...DEFAULT_FIRM_COMPLIANCE, requiredDisclosures: [f.disclosure], restrictedTopics: ['cryptocurrency'] } }),
      );
      for (const m of f.members) {
        let user = await tx.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:e)', { e: m.email }).getOne();
        if (!user) user = await tx.getRepository(User).save(tx.getRepository(User).create({ email: m.email, name: m.name, googleSub: null, pictureUrl: null }));
        if (await tx.getRepository(FirmMember).existsBy({ userId: user.id, status: 'active' })) continue;
        await tx.getRepository(FirmMember).save(tx.getRepository(FirmMember).create({ firmId: firm.id, userId: user.id, role: m.role }));
        await tx.getRepository(AdvisorProfile).save(tx.getRepository(AdvisorProfile).create({ userId: user.id, firmId: firm.id, crdNumber: m.crd, firmDisplayName: f.name }));
        if (m.role !== 'compliance_officer') {
          await tx.getRepository(Automation).save([
            tx.getRepository(Automation).create({ firmId: firm.id, userId: user.id, name: 'LinkedIn insight', platform: 'linkedin', instructions: 'One practical planning lesson drawn from the meeting topic, for professionals in their 40s to 60s. Three short paragraphs and a question to invite comments.', tone: 'professional', hashtagPolicy: 'few', fixedHashtags: [], enabled: true, examplePost: null }),
            tx.getRepository(Automation).create({ firmId: firm.id, userId: user.id, name: 'Facebook community tip', platform: 'facebook', instructions: 'A friendly, plain-language tip for local families related to the meeting topic. Short, warm, no jargon.', tone: 'warm', hashtagPolicy: 'none', fixedHashtags: [], enabled: true, examplePost: null }),
          ]);
        }
      }
      await audit.record({ action: 'firm.seeded', subjectType: 'firm', subjectId: firm.id, firmId: firm.id, actor: { type: 'system', id: 'seed-demo' }, data: { members: f.members.map((m) => m.email) } }, tx);
      created++;
    });
  }
  await app.close();
  process.stdout.write(created ? `[aftermeet] demo data: ${created} firm(s) created; sign in as ann.lee@leewealth.example (admin), marcus.chen@… (advisor) or priya.patel@… (compliance)\n` : '[aftermeet] demo data already present\n');
}

main().catch((err) => {
  process.stderr.write(`demo data failed: ${err.stack ?? err}\n`);
  process.exit(1);
});
