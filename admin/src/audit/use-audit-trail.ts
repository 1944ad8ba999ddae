import type { AuditEntry } from "@rapport/shared/schemas";
import { useEffect, useRef, useState } from "react";
import type { AdminSession } from "../session.ts";
import { type AuditFilters, auditQueryOf } from "./audit-query.ts";

const PAGE_SIZE = 50;

type TrailState = { items: AuditEntry[]; nextCursor: string | null; loading: boolean; error: unknown };

export type AuditTrail = TrailState & {
  /** Appends the next, older page; answers whether there are older ones still. */
  more: () => Promise<boolean>;
  /** After a failure: loads again what failed (the first page, or the next one). */
  retry: () => void;
};

/**
 * The audit trail's entries for the filters, newest first, a page at a time. New filters start
 * over; an answer for filters since replaced is dropped, so a slow request never mixes into a
 * newer list.
 */
export function useAuditTrail(session: AdminSession, filters: AuditFilters): AuditTrail {
  const [state, setState] = useState<TrailState>({ items: [], nextCursor: null, loading: true, error: null });
  const [round, setRound] = useState(0);
  const generation = useRef(0);
  const query = auditQueryOf(filters);
  const key = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query; `round` is a retry
  useEffect(() => {
    const current = ++generation.current;
    setState({ items: [], nextCursor: null, loading: true, error: null });
    session.client.audit.list({ query: { ...query, limit: PAGE_SIZE } }).then(
      (page) =>
        current === generation.current &&
        setState({ items: page.items, nextCursor: page.nextCursor, loading: false, error: null }),
      (error: unknown) => current === generation.current && setState((s) => ({ ...s, loading: false, error })),
    );
  }, [key, round, session]);

  const more = async (): Promise<boolean> => {
    if (!state.nextCursor || state.loading) return state.nextCursor !== null;
    const current = generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await session.client.audit.list({ query: { ...query, limit: PAGE_SIZE, cursor: state.nextCursor } });
      if (current === generation.current) {
        setState((s) => ({
          items: [...s.items, ...page.items],
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        }));
      }
      return page.nextCursor !== null;
    } catch (error) {
      if (current === generation.current) setState((s) => ({ ...s, loading: false, error }));
      return true;
    }
  };
  const retry = () => (state.items.length > 0 ? void more() : setRound((n) => n + 1));
  return { ...state, more, retry };
}
