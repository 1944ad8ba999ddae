import SwaggerParser from "@apidevtools/swagger-parser";
import { api, listEndpoints } from "@rapport/shared/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "./testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const honoPath = (path: string) => `/api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`;

describe("the contract, the server and the OpenAPI document agree", () => {
  it("every route the server answers is in the contract, and every contract endpoint is served", () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1"))
        .map((r) => `${r.method} ${r.path}`),
    );
    served.delete("GET /api/v1/openapi.json");
    const declared = new Set(
      listEndpoints(api).map(({ endpoint }) => `${endpoint.method.toUpperCase()} ${honoPath(endpoint.path)}`),
    );
    expect([...served].sort()).toEqual([...declared].sort());
  });

  it("openapi.json describes every endpoint with its parameters, body and answer", async () => {
    const { json: doc, status } = await t.call("GET", "/openapi.json");
    expect(status).toBe(200);
    expect(doc.openapi).toBe("3.1.0");
    for (const { name, endpoint } of listEndpoints(api)) {
      const operation = doc.paths[endpoint.path]?.[endpoint.method];
      expect(operation, name).toBeDefined();
      expect(operation.responses[String(endpoint.status)], name).toBeDefined();
      if (endpoint.body) expect(operation.requestBody.content["application/json"].schema, name).toBeDefined();
      for (const param of endpoint.params ? Object.keys(endpoint.params.shape) : []) {
        expect(
          operation.parameters.some((p: { name: string; in: string }) => p.name === param && p.in === "path"),
          name,
        ).toBe(true);
      }
    }
    expect(doc.components.schemas.Contact.properties.emails.type).toBe("array");
    expect(doc.paths["/contacts/{id}"].patch.parameters.some((p: { name: string }) => p.name === "If-Match")).toBe(
      true,
    );
    expect(doc.paths["/lookup"].get.parameters.find((p: { name: string }) => p.name === "email").required).toBe(true);
    expect(doc.paths["/health"].get.security).toEqual([]);
  });

  it("openapi.json is a valid OpenAPI 3.1 document whose references all resolve", async () => {
    const { json: doc } = await t.call("GET", "/openapi.json");
    // validate() resolves every $ref and checks the document against the OpenAPI 3.1 schema.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });
});
