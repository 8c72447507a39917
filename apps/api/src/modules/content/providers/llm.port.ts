export const LLM = Symbol('LLM');

export interface ChatRequest {
  system: string;
  user: string;
  schemaName: string;
  schema: Record<string, unknown>;
  temperature: number;
  maxTokens: number;
}

export interface ChatAnswer {
  content: string | null;
  finishReason: string | null;
  model: string;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
  requestId: string | null;
}

/** A chat model with structured output: OpenAI or any OpenAI-compatible server. */
export interface LlmPort {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatAnswer>;
}
