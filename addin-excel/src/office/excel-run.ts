/** An Excel failure with Excel's error code ("ItemNotFound", "RequestPayloadSizeLimitExceeded"…). */
export class ExcelError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ExcelError";
  }
}

/**
 * Excel.run, with whatever it rejects with turned into an ExcelError, so the pane can tell a
 * payload refused for its size (retry smaller) from anything else (tell the user).
 */
export async function inExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    if (error instanceof ExcelError) throw error;
    const code = typeof error === "object" && error && "code" in error ? String(error.code) : "Unknown";
    throw new ExcelError(error instanceof Error ? error.message : String(error), code);
  }
}

export function isPayloadTooLarge(error: unknown): boolean {
  return error instanceof ExcelError && error.code === "RequestPayloadSizeLimitExceeded";
}
