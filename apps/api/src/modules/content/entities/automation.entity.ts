import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How an advisor wants posts written for one platform. userId null = a firm default every advisor gets. */
@Entity('automation')
export class Automation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) platform: 'linkedin' | 'facebook';
  @Column({ type: 'text' }) instructions: string;
  @Column({ type: 'text', nullable: true }) examplePost: string | null;
  @Column({ type: 'text' }) tone: 'professional' | 'warm' | 'educational' | 'conversational';
  @Column({ type: 'text' }) hashtagPolicy: 'none' | 'few' | 'many';
  @Column({ type: 'text', array: true, default: () => `'{}'` }) fixedHashtags: string[];
  @Column({ type: 'boolean' }) enabled: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
