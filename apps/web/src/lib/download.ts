import { toApiError } from './api/errors';

type BlobResult = { data?: unknown; error?: unknown; response: Response };

/** Save a file answer (openapi-fetch with parseAs: 'blob'); errors still come as the JSON envelope. */
export async function saveDownload(call: Promise<BlobResult>, fallbackName: string): Promise<void> {
  const { data, error, response } = await call;
  if (!response.ok || !(data instanceof Blob)) {
    let body: unknown = error;
    if (error instanceof Blob) body = JSON.parse(await error.text()) as unknown;
    throw toApiError(body, response);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
