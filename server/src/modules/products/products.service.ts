import type { ProductCreate } from "@rapport/shared/schemas";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import { productRecords } from "./products.repo.ts";

export const productStore = new RecordStore(productRecords);

export const productService = recordService(productStore, (_ctx, input: ProductCreate) => input);
