import type { Activity } from "@rapport/shared/schemas";
import { useCallback, useState } from "react";
import type { ActivityBody } from "../domain/item-activity.ts";
import type { DrainResult } from "../outbox/drain-outbox.ts";
import type { Failure } from "../outbox/failure.ts";
import { usePane } from "./pane-context.ts";

export type LogState =
  | { status: "idle" }
  | { status: "logging" }
  | { status: "logged"; activity: Activity }
  | { status: "queued" }
  | { status: "failed"; failure: Failure | null; error: unknown };

/**
 * One "Log" press: the log goes into the outbox first (so a closed pane or a lost network loses
 * nothing), then is sent; the state says what became of it.
 */
export function useLogAction() {
  const { outbox } = usePane();
  const [state, setState] = useState<LogState>({ status: "idle" });
  const run = useCallback(
    async (key: string, label: string, build: () => Promise<ActivityBody>): Promise<DrainResult | null> => {
      setState({ status: "logging" });
      try {
        const result = await outbox.enqueue(key, label, await build());
        if (result?.outcome === "logged") setState({ status: "logged", activity: result.activity });
        else if (result?.outcome === "failed") setState({ status: "failed", failure: result.failure, error: null });
        else setState({ status: "queued" }); // waiting for a retry, or being sent by the on-send handler
        return result;
      } catch (error) {
        setState({ status: "failed", failure: null, error });
        return null;
      }
    },
    [outbox],
  );
  return { state, run };
}
