import { Global, Module } from '@nestjs/common';
import { EncryptionService } from './encryption.service';
import { ReencryptService } from './reencrypt.service';

@Global()
@Module({ providers: [EncryptionService, ReencryptService], exports: [EncryptionService, ReencryptService] })
export class CryptoModule {}
