import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../../infra/http/request-context';

@Entity('firm_member')
export class FirmMember {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'text', default: 'active' }) status: 'active' | 'removed';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) removedAt: Date | null;
}
