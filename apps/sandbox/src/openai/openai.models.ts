/** The models the emulator serves (GET /v1/models) and accepts. */
export interface ModelInfo {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

export const CHAT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'o4-mini', 'o3-mini'];
export const TRANSCRIPTION_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o-transcribe-diarize'];

const CREATED: Record<string, number> = {
  'gpt-4o-mini': 1721172741,
  'gpt-4o': 1715367049,
  'gpt-4.1': 1744316542,
  'gpt-4.1-mini': 1744318173,
  'gpt-4.1-nano': 1744321707,
  'gpt-5': 1754425777,
  'gpt-5-mini': 1754425867,
  'gpt-5-nano': 1754426384,
  'o4-mini': 1744225351,
  'o3-mini': 1737146383,
  'whisper-1': 1677532384,
  'gpt-4o-transcribe': 1742068463,
  'gpt-4o-mini-transcribe': 1742068596,
  'gpt-4o-transcribe-diarize': 1750798887,
};

/** Snapshot names the API answers with when given an alias. */
const SNAPSHOTS: Record<string, string> = {
  'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
  'gpt-4o': 'gpt-4o-2024-08-06',
  'gpt-4.1': 'gpt-4.1-2025-04-14',
  'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
  'gpt-5': 'gpt-5-2025-08-07',
  'gpt-5-mini': 'gpt-5-mini-2025-08-07',
  'gpt-5-nano': 'gpt-5-nano-2025-08-07',
  'o4-mini': 'o4-mini-2025-04-16',
  'o3-mini': 'o3-mini-2025-01-31',
};

export const MODELS: ModelInfo[] = [...CHAT_MODELS, ...TRANSCRIPTION_MODELS].flatMap((id) => {
  const base: ModelInfo = { id, object: 'model', created: CREATED[id] ?? 1700000000, owned_by: id === 'whisper-1' ? 'openai-internal' : 'system' };
  const snap = SNAPSHOTS[id];
  return snap ? [base, { ...base, id: snap }] : [base];
});

export function findModel(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.id === id);
}

export function resolvedModelName(id: string): string {
  return SNAPSHOTS[id] ?? id;
}
