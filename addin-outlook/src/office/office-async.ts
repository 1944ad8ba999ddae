/** An Office call that reported failure, with Office's error code (for example 9041 when a network error interrupted it). */
export class OfficeCallError extends Error {
  readonly code: number | null;
  constructor(message: string, code: number | null) {
    super(message);
    this.name = "OfficeCallError";
    this.code = code;
  }
}

/**
 * Runs one of Office's callback APIs (`*Async`) as a promise. A failed AsyncResult, or a call that
 * throws before calling back (a property missing on this host), rejects with an Error, never a
 * string, so callers can tell it apart and show it.
 */
export function officeAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(
            new OfficeCallError(result.error?.message || "Outlook could not do this.", result.error?.code ?? null),
          );
        } else {
          resolve(result.value);
        }
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
