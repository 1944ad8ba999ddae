import { describe, expect, it } from "vitest";
import { prepareRecord } from "./prepare.ts";

const address = (street: string, streetNumber?: string) =>
  prepareRecord({ street: [street], ...(streetNumber ? { streetNumber } : {}) }, { defaultCountry: "FR" });

describe("prepareRecord's address", () => {
  it("takes the house number out of an address line, at its start or its end", () => {
    expect(address("164 rue Émile Zola")).toMatchObject({ streetNumber: "164", street: "rue emile zola" });
    expect(address("12 bis, rue de la Paix")).toMatchObject({ streetNumber: "12bis", street: "rue de la paix" });
    expect(address("Corso Italia 71")).toMatchObject({ streetNumber: "71", street: "corso italia" });
  });

  it("keeps a line without a number whole, and a number column over the line's", () => {
    expect(address("Zone Artisanale")).toMatchObject({ streetNumber: null, street: "zone artisanale" });
    expect(address("Apt 4, 5 King St")).toMatchObject({ streetNumber: null, street: "apt 4, 5 king st" });
    expect(address("wilkinson street 12", "7")).toMatchObject({ streetNumber: "7", street: "wilkinson street 12" });
  });
});
