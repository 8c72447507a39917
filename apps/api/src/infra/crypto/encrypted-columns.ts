/** Columns that hold ciphertext, registered by the module that owns them, so one command can re-encrypt all. */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  column: string;
}

const registry: EncryptedColumn[] = [];

export function registerEncryptedColumn(col: EncryptedColumn): void {
  if (!registry.some((c) => c.table === col.table && c.column === col.column)) registry.push(col);
}

export function encryptedColumns(): readonly EncryptedColumn[] {
  return registry;
}
