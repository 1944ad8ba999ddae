export * from "./check-filter.ts";
export * from "./customer-value.ts";
export * from "./segment-fields.ts";
