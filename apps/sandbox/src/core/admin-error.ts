/** Thrown by admin handlers; app.ts turns it into `{error: message}` with the status (400 by default). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
