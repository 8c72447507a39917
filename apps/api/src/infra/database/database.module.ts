import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.database.url,
        autoLoadEntities: true,
        synchronize: false,
        migrations: MIGRATIONS,
        migrationsRun: config.database.migrationsRun,
        migrationsTransactionMode: 'each' as const,
        namingStrategy: new SnakeNamingStrategy(),
        extra: { max: config.database.poolSize, connectionTimeoutMillis: 3000 },
        logging: config.env === 'test' ? false : ['error' as const],
      }),
    }),
  ],
})
export class DatabaseModule {}
