import { z } from "zod";
import * as s from "../schemas/index.ts";
import type { Endpoint } from "./endpoint.ts";

export const IdParams = z.strictObject({ id: s.Id });

/** The five routes every record type has, so each is declared once. */
export function crud<
  const P extends string,
  Entity extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
  Query extends z.ZodType,
>(path: P, tag: string, schemas: { entity: Entity; create: Create; update: Update; listQuery: Query }) {
  return {
    list: {
      method: "get" as const,
      path,
      tag,
      summary: `List ${tag.toLowerCase()}, oldest first, with cursor pagination`,
      query: schemas.listQuery,
      response: s.page(schemas.entity),
      status: 200 as const,
    },
    create: {
      method: "post" as const,
      path,
      tag,
      summary: `Create one of the ${tag.toLowerCase()}`,
      body: schemas.create,
      response: schemas.entity,
      status: 201 as const,
    },
    get: {
      method: "get" as const,
      path: `${path}/{id}`,
      tag,
      summary: `Read one of the ${tag.toLowerCase()}`,
      params: IdParams,
      response: schemas.entity,
      status: 200 as const,
    },
    update: {
      method: "patch" as const,
      path: `${path}/{id}`,
      tag,
      summary: `Change fields of one of the ${tag.toLowerCase()}; If-Match carries the version read`,
      params: IdParams,
      body: schemas.update,
      response: schemas.entity,
      status: 200 as const,
      ifMatch: "required" as const,
    },
    remove: {
      method: "delete" as const,
      path: `${path}/{id}`,
      tag,
      summary: `Delete one of the ${tag.toLowerCase()}`,
      params: IdParams,
      response: null,
      status: 204 as const,
      ifMatch: "optional" as const,
    },
  } satisfies Record<string, Endpoint>;
}
