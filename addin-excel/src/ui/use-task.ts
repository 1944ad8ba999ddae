import { useCallback, useRef, useState } from "react";

export type Progress = { label: string; done: number; total: number } | null;

/**
 * One piece of work at a time per tab: whether it runs, its progress, its error, and a cancel
 * that aborts it between chunks.
 */
export function useTask() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (work: (signal: AbortSignal) => Promise<void>) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(null);
    try {
      await work(abort.signal);
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
      setProgress(null);
      controller.current = null;
    }
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { running, progress, setProgress, error, setError, run, cancel };
}
