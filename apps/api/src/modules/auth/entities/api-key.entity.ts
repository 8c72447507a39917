import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An integrator's key. Only a hash is stored; the key is shown once. */
@Entity('api_key')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) prefix: string;
  @Column({ type: 'text' }) hash: string;
  @Column({ type: 'text' }) scope: 'read' | 'read-write';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) rotatedFromId: string | null;
}
