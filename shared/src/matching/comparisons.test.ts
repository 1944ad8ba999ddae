import { describe, expect, it } from "vitest";
import { COMPARISONS, namesDiffer } from "./comparisons.ts";
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

describe("the company comparison", () => {
  const company = COMPARISONS.find((comparison) => comparison.field === "company");
  const level = (a: string, b: string) => {
    const [left, right] = [a, b].map((name) => prepareRecord({ company: name }, { defaultCountry: "FR" }));
    return company?.levels[company.compare(left!, right!)];
  };

  it("tells firms apart by the words they do not share", () => {
    expect(level("Distribuciones Muñoz SL", "Distribuciones López SL")).toBe("different company");
    expect(level("Rodriguez Consulting Ltd", "Rodriguez Engineering Ltd")).toBe("different company");
  });

  it("takes another legal form, a typo or a longer name for the same firm", () => {
    expect(level("Acme SAS", "ACME")).toBe("same company");
    expect(level("Acme Industrie", "Acme Industries")).toBe("similar company");
    expect(level("Acme", "Acme France")).toBe("similar company");
  });
});
