import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../../infra/http/request-context';

@Entity('invitation')
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'uuid' }) invitedBy: string;
  @Column({ type: 'text', default: 'pending' }) status: 'pending' | 'accepted' | 'revoked';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
}
