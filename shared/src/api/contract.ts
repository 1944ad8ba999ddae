import { z } from "zod";
import * as s from "../schemas/index.ts";
import { type Endpoint, endpoint } from "./endpoint.ts";

const IdParams = z.strictObject({ id: s.Id });

/** The five routes every record type has, so each is declared once. */
function crud<
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

export const api = {
  health: endpoint({
    method: "get",
    path: "/health",
    tag: "System",
    summary: "Liveness and database reachability; needs no token",
    response: s.Health,
    status: 200,
    public: true,
  }),
  me: endpoint({
    method: "get",
    path: "/me",
    tag: "System",
    summary: "The user the token belongs to",
    response: s.User,
    status: 200,
  }),
  lookup: endpoint({
    method: "get",
    path: "/lookup",
    tag: "Lookup",
    summary: "Who is behind each email address: contact, account, open deals and cases, recent history",
    query: s.LookupQuery,
    response: s.LookupResponse,
    status: 200,
  }),
  search: endpoint({
    method: "get",
    path: "/search",
    tag: "Lookup",
    summary: "Find contacts and accounts by name, email, domain or phone, ignoring accents and case",
    query: s.SearchQuery,
    response: s.SearchResponse,
    status: 200,
  }),
  accountTimeline: endpoint({
    method: "get",
    path: "/accounts/{id}/timeline",
    tag: "Accounts",
    summary: "Activities, orders, deal stage changes and cases of an account, newest first",
    params: IdParams,
    query: s.TimelineQuery,
    response: s.page(s.TimelineEntry),
    status: 200,
  }),
  accounts: crud("/accounts", "Accounts", {
    entity: s.Account,
    create: s.AccountCreate,
    update: s.AccountUpdate,
    listQuery: s.AccountListQuery,
  }),
  contacts: crud("/contacts", "Contacts", {
    entity: s.Contact,
    create: s.ContactCreate,
    update: s.ContactUpdate,
    listQuery: s.ContactListQuery,
  }),
  activities: crud("/activities", "Activities", {
    entity: s.Activity,
    create: s.ActivityCreate,
    update: s.ActivityUpdate,
    listQuery: s.ActivityListQuery,
  }),
  opportunities: crud("/opportunities", "Opportunities", {
    entity: s.Opportunity,
    create: s.OpportunityCreate,
    update: s.OpportunityUpdate,
    listQuery: s.OpportunityListQuery,
  }),
  products: crud("/products", "Products", {
    entity: s.Product,
    create: s.ProductCreate,
    update: s.ProductUpdate,
    listQuery: s.ProductListQuery,
  }),
  orders: crud("/orders", "Orders", {
    entity: s.Order,
    create: s.OrderCreate,
    update: s.OrderUpdate,
    listQuery: s.OrderListQuery,
  }),
  cases: crud("/cases", "Cases", {
    entity: s.Case,
    create: s.CaseCreate,
    update: s.CaseUpdate,
    listQuery: s.CaseListQuery,
  }),
  users: {
    list: endpoint({
      method: "get",
      path: "/users",
      tag: "Admin",
      summary: "Every user (admin)",
      response: z.object({ items: z.array(s.User) }),
      status: 200,
    }),
    create: endpoint({
      method: "post",
      path: "/users",
      tag: "Admin",
      summary: "Create a user (admin)",
      body: s.UserCreate,
      response: s.User,
      status: 201,
    }),
  },
  tokens: {
    create: endpoint({
      method: "post",
      path: "/tokens",
      tag: "Admin",
      summary: "Create an API token; its secret is shown in this answer only (admin)",
      body: s.ApiTokenCreate,
      response: s.ApiTokenCreated,
      status: 201,
    }),
    revoke: endpoint({
      method: "delete",
      path: "/tokens/{id}",
      tag: "Admin",
      summary: "Revoke an API token (admin)",
      params: IdParams,
      response: null,
      status: 204,
    }),
  },
} as const;

export type Api = typeof api;

/** Every endpoint of a contract tree, flattened, with its dotted name (`contacts.get`). */
export function listEndpoints(tree: object, prefix = ""): Array<{ name: string; endpoint: Endpoint }> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return isEndpoint(value) ? [{ name, endpoint: value }] : listEndpoints(value as object, name);
  });
}

function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === "object" && value !== null && "method" in value && "path" in value;
}
