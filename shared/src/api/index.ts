export { type Api, api, listEndpoints } from "./contract.ts";
export type { Endpoint, EndpointInput, EndpointOutput, HttpMethod } from "./endpoint.ts";
export { buildOpenApi } from "./openapi.ts";
