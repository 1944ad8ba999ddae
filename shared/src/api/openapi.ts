import { z } from "zod";
import { Problem } from "../schemas/common.ts";
import { listEndpoints } from "./contract.ts";
import type { Endpoint } from "./endpoint.ts";

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

/**
 * The OpenAPI 3.1 document of a contract, generated from its zod schemas so that it cannot drift
 * from what the server validates. Named schemas (`.meta({ id })`) become components.
 */
export function buildOpenApi(contract: object, info: { title: string; version: string; serverUrl: string }) {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: Io) => toJsonSchema(schema, io, components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const { name, endpoint } of listEndpoints(contract)) {
    const operation: Record<string, unknown> = {
      operationId: name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()),
      summary: endpoint.summary,
      tags: [endpoint.tag],
      parameters: parametersOf(endpoint, toSchema),
      responses: responsesOf(endpoint, toSchema),
    };
    if (endpoint.public) operation.security = [];
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: toSchema(endpoint.body, "input") } },
      };
    }
    if (endpoint.upload) {
      const file = { schema: { type: "string", format: "binary" } };
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(UPLOAD_TYPES.map((type) => [type, file])),
      };
    }
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, unknown>)[endpoint.method] = operation;
  }

  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "API token or Entra access token" } },
    },
  };
}

function parametersOf(endpoint: Endpoint, toSchema: (s: z.ZodType, io: Io) => JsonSchema) {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ["path", endpoint.params],
    ["query", endpoint.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, "input");
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({
        name,
        in: location,
        required: location === "path" || required.has(name),
        schema: property,
        ...(isArraySchema(property) ? { style: "form", explode: true } : {}),
      });
    }
  }
  if (endpoint.ifMatch) {
    parameters.push({
      name: "If-Match",
      in: "header",
      required: endpoint.ifMatch === "required",
      description: "The version of the record this change was made from; a stale one gets 412",
      schema: { type: "string" },
    });
  }
  return parameters;
}

function responsesOf(endpoint: Endpoint, toSchema: (s: z.ZodType, io: Io) => JsonSchema) {
  const problem = { "application/problem+json": { schema: toSchema(Problem, "output") } };
  const responses: Record<string, unknown> = {
    [endpoint.status]: endpoint.response
      ? {
          description: "OK",
          content: { [endpoint.download ?? "application/json"]: { schema: toSchema(endpoint.response, "output") } },
        }
      : { description: "No content" },
    default: { description: "An error, as application/problem+json", content: problem },
  };
  return responses;
}

function isArraySchema(schema: JsonSchema): boolean {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  return schema.type === "array" || Boolean(anyOf?.some((option) => option.type === "array"));
}

function toJsonSchema(schema: z.ZodType, io: Io, components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const suffix = io === "input" ? "Input" : "";
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  const rename = (ref: string) => `#/components/schemas/${ref.slice("#/$defs/".length)}${suffix}`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/") ? rename(value) : rewrite(value);
    }
    return out;
  };
  for (const [name, def] of Object.entries(defs)) components[`${name}${suffix}`] = rewrite(def) as JsonSchema;
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  const root = rewrite(json) as JsonSchema;
  if (!id) return root;
  // The root itself is a named schema: zod may already have moved it to $defs (then the root is a
  // bare $ref to it); otherwise store it once. Either way, refer to it.
  const ref = { $ref: `#/components/schemas/${id}${suffix}` };
  if (root.$ref !== ref.$ref) {
    delete root.id;
    components[`${id}${suffix}`] = root;
  }
  return ref;
}

/** The file types an upload endpoint reads; anything else is sniffed from its bytes. */
const UPLOAD_TYPES = [
  "text/csv",
  "text/vcard",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
];
