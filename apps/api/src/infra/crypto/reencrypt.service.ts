import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { encryptedColumns } from './encrypted-columns';
import { EncryptionService } from './encryption.service';

export interface ReencryptReport {
  table: string;
  column: string;
  scanned: number;
  rotated: number;
}

/** Walks every registered encrypted column and re-encrypts rows still under an older key, in batches. */
@Injectable()
export class ReencryptService {
  private readonly logger = new Logger(ReencryptService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: EncryptionService,
  ) {}

  async reencryptAll(batchSize = 500): Promise<ReencryptReport[]> {
    const reports: ReencryptReport[] = [];
    for (const col of encryptedColumns().filter((c) => !c.appendOnly)) {
      const report: ReencryptReport = { table: col.table, column: col.column, scanned: 0, rotated: 0 };
      const current = `v1.${this.crypto.currentKeyId}.%`;
      for (;;) {
        const rows: { id: string; value: string; aad: string | null }[] = await this.dataSource.query(
          `SELECT "${col.idColumn}" AS id, "${col.column}" AS value, ${col.aad ? `"${col.aad.column}"::text` : 'NULL'} AS aad FROM "${col.table}"
           WHERE "${col.column}" IS NOT NULL AND "${col.column}" NOT LIKE $1 AND "${col.column}" NOT LIKE 'd1.%' LIMIT $2`,
          [current, batchSize],
        );
        if (rows.length === 0) break;
        await this.dataSource.transaction(async (tx) => {
          for (const row of rows) {
            const next = this.crypto.rotate(row.value, col.aad ? `${col.aad.prefix ?? ''}${row.aad ?? ''}` : '');
            if (next) {
              await tx.query(`UPDATE "${col.table}" SET "${col.column}" = $1 WHERE "${col.idColumn}" = $2`, [next, row.id]);
              report.rotated++;
            }
          }
        });
        report.scanned += rows.length;
      }
      this.logger.log(report, 're-encrypted column');
      reports.push(report);
    }
    return reports;
  }
}
