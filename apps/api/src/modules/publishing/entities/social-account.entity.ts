import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SocialPlatform = 'linkedin' | 'facebook';
export type ConnectionStatus = 'pending_page' | 'active' | 'expiring' | 'expired' | 'reconnect_required' | 'disconnected';

/** SocialAccount in the design: a LinkedIn member or a Facebook Page an advisor posts to, with encrypted tokens. */
@Entity('social_account')
export class SocialAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'text' }) platform: SocialPlatform;
  /** LinkedIn member id (`sub`), Facebook Page id; `user:<id>` while a Facebook user has not picked a Page yet. */
  @Column({ type: 'text' }) externalId: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) status: ConnectionStatus;
  /** LinkedIn member token or Facebook Page token (ciphertext, AAD `social:<id>`). */
  @Column({ type: 'text', nullable: true }) accessTokenEnc: string | null;
  @Column({ type: 'text', nullable: true }) refreshTokenEnc: string | null;
  /** Facebook long-lived user token, kept while the advisor picks a Page. */
  @Column({ type: 'text', nullable: true }) userTokenEnc: string | null;
  /** Null: the token does not expire (Facebook Page tokens from a long-lived user token). */
  @Column({ type: 'timestamptz', nullable: true }) tokenExpiresAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) refreshExpiresAt: Date | null;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) scopes: string[];
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
