import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A firm's own rule, added to the built-in packs. */
@Entity('firm_rule')
export class FirmRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'text' }) ruleId: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'text' }) severity: 'low' | 'medium' | 'high' | 'critical';
  @Column({ type: 'text' }) rationale: string;
  @Column({ type: 'text', array: true }) phrases: string[];
  @Column({ type: 'uuid' }) createdBy: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
