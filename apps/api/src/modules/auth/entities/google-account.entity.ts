import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A connected Google account: one calendar source. Tokens are ciphertext (EncryptionService). */
@Entity('google_account')
export class GoogleAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) googleSub: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text', nullable: true }) refreshTokenEnc: string | null;
  @Column({ type: 'text', nullable: true }) accessTokenEnc: string | null;
  @Column({ type: 'timestamptz', nullable: true }) accessTokenExpiresAt: Date | null;
  @Column({ type: 'text', default: '' }) scopes: string;
  @Column({ type: 'text', default: 'active' }) status: 'active' | 'reconnect_required' | 'disconnected';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
