import { hostError, type WorkbookModel } from "./workbook-model.ts";

/** Excel on the web refuses a request, or an answer, over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

type Operation = { bytes: number; run: () => void };

/**
 * Excel.RequestContext as the pane sees it: every property set and method called is queued, and
 * nothing happens (nor can anything be read) until sync() sends the batch. Each sync is logged
 * with the bytes it carried each way.
 */
export class HostContext {
  private queue: Operation[] = [];
  private responseBytes = 0;
  readonly workbook: unknown;

  constructor(
    readonly model: WorkbookModel,
    makeWorkbook: (context: HostContext) => unknown,
  ) {
    this.workbook = makeWorkbook(this);
  }

  /** Operations queued since the last sync. */
  get pending(): number {
    return this.queue.length;
  }

  enqueue(run: () => void, payload?: unknown): void {
    this.queue.push({ run, bytes: payload === undefined ? 0 : (JSON.stringify(payload)?.length ?? 0) });
  }

  addResponse(data: unknown): void {
    this.responseBytes += JSON.stringify(data)?.length ?? 0;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const requestBytes = operations.reduce((sum, op) => sum + op.bytes, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (requestBytes > PAYLOAD_LIMIT) {
      this.model.syncs.push({ requestBytes, responseBytes: 0, operations: operations.length, refused: "request" });
      throw hostError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    this.responseBytes = 0;
    try {
      for (const op of operations) op.run();
    } finally {
      this.model.syncs.push({ requestBytes, responseBytes: this.responseBytes, operations: operations.length });
    }
    if (this.responseBytes > PAYLOAD_LIMIT) {
      const last = this.model.syncs.at(-1);
      if (last) last.refused = "response";
      throw hostError("RequestPayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }
}

/** The part of Excel's load() argument the host understands: names, a list, or { select }. */
export type LoadArgument = string | string[] | { select?: string | string[] } | undefined;

export function propertyNames(argument: LoadArgument): string[] {
  if (argument === undefined) return ["*"];
  const raw = typeof argument === "string" || Array.isArray(argument) ? argument : (argument.select ?? "*");
  return (Array.isArray(raw) ? raw : raw.split(",")).map((name) => name.trim()).filter(Boolean);
}

/**
 * A proxy for one object of the workbook. `resolve` finds the model object when the batch runs
 * (null for a null object); loaded properties are copied at that moment, and reading one that was
 * not loaded throws as Excel does.
 */
export abstract class ClientObject<M> {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  private nullState: boolean | undefined;

  constructor(
    readonly context: HostContext,
    protected readonly resolveModel: () => M | null,
    nullable = false,
  ) {
    if (nullable) {
      context.enqueue(() => {
        this.nullState = this.resolveModel() === null;
      });
    }
  }

  /** The model object, or an ItemNotFound error when the batch reaches an object that is not there. */
  protected model(): M {
    const model = this.resolveModel();
    if (model === null)
      throw hostError("ItemNotFound", `${this.constructor.name}: the requested resource doesn't exist.`);
    return model;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) return this.property("isNullObject") as boolean;
    return this.nullState;
  }

  /** Names of the properties the host can read for load("*"). */
  protected abstract scalarNames(): string[];
  /** The value of one scalar property, read from the model when the batch runs. */
  protected abstract read(name: string, model: M): unknown;

  load(argument?: LoadArgument): this {
    const names = propertyNames(argument);
    this.context.enqueue(() => this.loadNow(names));
    return this;
  }

  /** Copies the named properties from the model, inside a batch that is running. */
  loadNow(names: string[]): void {
    const model = this.resolveModel();
    if (model === null) {
      this.nullState = true;
      return;
    }
    const wanted = names.includes("*") ? this.scalarNames() : names;
    const snapshot: Record<string, unknown> = {};
    for (const name of wanted) {
      if (name.includes("/")) {
        this.loadNested(name, model);
        continue;
      }
      snapshot[name] = this.read(name, model);
      this.loaded.add(name);
    }
    Object.assign(this.data, snapshot);
    this.context.addResponse(snapshot);
  }

  /** "items/name" on collections; others ignore nested paths. */
  protected loadNested(_path: string, _model: M): void {}

  protected property(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw hostError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.data[name];
  }

  toJSON(): Record<string, unknown> {
    return { ...this.data };
  }
}
