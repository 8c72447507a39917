/** Columns that hold ciphertext, registered by the module that owns them, so one command can re-encrypt all. */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  column: string;
  /** The AAD the owner encrypted with: prefix + the row's value in `column` (default: no AAD). */
  aad?: { column: string; prefix?: string };
  /**
   * Books and records are append-only (the database refuses UPDATE), so they are never rewritten:
   * they stay under the key that wrote them, and that key must stay configured (for decryption
   * only) for as long as the records are retained.
   */
  appendOnly?: boolean;
}

const registry: EncryptedColumn[] = [];

export function registerEncryptedColumn(col: EncryptedColumn): void {
  if (!registry.some((c) => c.table === col.table && c.column === col.column)) registry.push(col);
}

export function encryptedColumns(): readonly EncryptedColumn[] {
  return registry;
}
