import { describe, expect, it } from "vitest";
import { namesDiffer } from "./comparisons.ts";
import { prepareRecord } from "./prepare.ts";

const person = (firstName: string, lastName: string) =>
  prepareRecord({ firstName, lastName }, { defaultCountry: "FR" });

describe("namesDiffer", () => {
  it("tells two people apart by a first or a last name that differs outright", () => {
    expect(namesDiffer(person("Emma", "Walsh"), person("Sean", "Davies"))).toBe(true);
    expect(namesDiffer(person("Emma", "Walsh"), person("Emma", "Davies"))).toBe(true);
    expect(namesDiffer(person("Emma", "Walsh"), person("Sean", "Walsh"))).toBe(true);
  });

  it("takes a typo, another case or accents, an initial or swapped columns for the same name", () => {
    expect(namesDiffer(person("Hélène", "Lefèvre"), person("HELENE", "Lefevre"))).toBe(false);
    expect(namesDiffer(person("Jonathan", "Martin"), person("Jonahtan", "Martin"))).toBe(false);
    expect(namesDiffer(person("J.", "Martin"), person("Jean", "Martin"))).toBe(false);
    expect(namesDiffer(person("Martin", "Jean"), person("Jean", "Martin"))).toBe(false);
  });

  it("finds no difference where a name is missing", () => {
    expect(namesDiffer(person("", "Walsh"), person("Sean", "Walsh"))).toBe(false);
    expect(namesDiffer(person("", ""), person("Sean", "Davies"))).toBe(false);
  });
});
