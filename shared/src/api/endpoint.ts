import type { z } from "zod";

export type HttpMethod = "get" | "post" | "patch" | "delete";

/**
 * One route of the API, described once: the server validates with it, the OpenAPI document is
 * generated from it and the typed client calls through it.
 */
export type Endpoint = {
  method: HttpMethod;
  /** OpenAPI form, relative to /api/v1: `/contacts/{id}`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body is a file (CSV, xlsx, vCard) sent as is, not JSON; the route reads its bytes. */
  upload?: true;
  /** The answer is a file of this type (UTF-8 text, its schema a string) rather than JSON. */
  download?: "text/csv";
  /** null: the answer has no body (204). */
  response: z.ZodType | null;
  status: 200 | 201 | 204;
  /** Only health is public. */
  public?: boolean;
  /** Updates take `If-Match: <version>`. */
  ifMatch?: "required" | "optional";
};

export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

export type EndpointInput<E extends Endpoint> = (E["params"] extends z.ZodType
  ? { params: z.input<E["params"]> }
  : { params?: undefined }) &
  (E["query"] extends z.ZodType ? { query?: z.input<E["query"]> } : { query?: undefined }) &
  (E["body"] extends z.ZodType
    ? { body: z.input<E["body"]> }
    : E["upload"] extends true
      ? { body: Blob | Uint8Array<ArrayBuffer>; contentType: string }
      : { body?: undefined }) &
  (E["ifMatch"] extends "required" ? { ifMatch: number } : { ifMatch?: number });

export type EndpointOutput<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : undefined;
