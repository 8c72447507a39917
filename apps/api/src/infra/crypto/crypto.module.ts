import { Global, Module } from '@nestjs/common';
import { DataKeyService } from './data-key.service';
import { EncryptionService } from './encryption.service';
import { ReencryptService } from './reencrypt.service';

@Global()
@Module({ providers: [EncryptionService, ReencryptService, DataKeyService], exports: [EncryptionService, ReencryptService, DataKeyService] })
export class CryptoModule {}
