import type { Api } from "@rapport/shared/api";
import type { Client } from "@rapport/shared/client";

/**
 * The two types the pane's logic needs from the kit, declared here so that logic (pull, push,
 * sheets) has no dependency on React and runs in Node too: the benchmark drives the real pull.
 * They are the kit's own, structurally.
 */
export type Language = "en" | "fr";
export type RapportClient = Client<Api>;
