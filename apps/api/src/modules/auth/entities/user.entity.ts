import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) pictureUrl: string | null;
  /** Google's stable account id (`sub`); accounts are keyed by it, not by email. */
  @Column({ type: 'text', nullable: true }) googleSub: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastSignInAt: Date | null;
}
