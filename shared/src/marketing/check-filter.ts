import type { FilterProblem, SegmentEntity } from "../schemas/segment.ts";
import { type FieldKind, OPERATORS, type SegmentField, segmentFields } from "./segment-fields.ts";

/** Bounds that keep one filter cheap to check and to run. */
export const FILTER_LIMITS = { depth: 10, nodes: 200, listValues: 1000 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Every problem in a filter tree, each with its path (`filter.and.1.value`): unknown fields,
 * operators that do not suit the field, values of the wrong type. Works on anything, so a stored
 * filter that names a field since removed still loads and says what is broken. Empty: it runs.
 */
export function checkFilter(entity: SegmentEntity, filter: unknown, path = "filter"): FilterProblem[] {
  const problems: FilterProblem[] = [];
  let nodes = 0;
  const fields = segmentFields(entity);

  const visit = (node: unknown, at: string, depth: number): void => {
    nodes++;
    if (nodes === FILTER_LIMITS.nodes + 1)
      problems.push({ path: at, message: `more than ${FILTER_LIMITS.nodes} nodes` });
    if (depth > FILTER_LIMITS.depth) {
      problems.push({ path: at, message: `nested deeper than ${FILTER_LIMITS.depth} levels` });
      return;
    }
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      problems.push({ path: at, message: "expected a condition or an and / or / not group" });
      return;
    }
    const record = node as Record<string, unknown>;
    for (const group of ["and", "or"] as const) {
      if (group in record) {
        const children = record[group];
        if (!Array.isArray(children) || children.length === 0) {
          problems.push({ path: `${at}.${group}`, message: "expected a non-empty list of conditions" });
          return;
        }
        children.forEach((child, i) => {
          visit(child, `${at}.${group}.${i}`, depth + 1);
        });
        return;
      }
    }
    if ("not" in record) {
      visit(record.not, `${at}.not`, depth + 1);
      return;
    }
    checkCondition(record, at);
  };

  const checkCondition = (condition: Record<string, unknown>, at: string): void => {
    const { field: name, op } = condition;
    if (typeof name !== "string" || !Object.hasOwn(fields, name)) {
      problems.push({ path: `${at}.field`, message: `no field ${JSON.stringify(name)} on ${entity}` });
      return;
    }
    const field = fields[name] as SegmentField;
    const operators = OPERATORS[field.kind];
    if (typeof op !== "string" || !operators.includes(op)) {
      problems.push({
        path: `${at}.op`,
        message: `${field.label} (${field.kind}) takes ${operators.join(", ")}, not ${JSON.stringify(op)}`,
      });
      return;
    }
    const wrong = valueProblem(field, op, condition.value);
    if (wrong) problems.push({ path: `${at}.value`, message: wrong });
  };

  visit(filter, path, 1);
  return problems;
}

/** What is wrong with `value` for `op` on `field`, or null. */
function valueProblem(field: SegmentField, op: string, value: unknown): string | null {
  if (op === "empty" || op === "notEmpty") return value === undefined ? null : `${op} takes no value`;
  if (op === "withinDays" || op === "notWithinDays") {
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 36_500
      ? null
      : "expected a whole number of days, 1 to 36500";
  }
  if (op === "between") {
    if (!Array.isArray(value) || value.length !== 2) return "expected [from, to]";
    const [from, to] = value as [unknown, unknown];
    const problem = scalarProblem(field, from) ?? scalarProblem(field, to);
    if (problem) return problem;
    return (from as number | string) <= (to as number | string) ? null : "from is after to";
  }
  if (op === "in" || op === "notIn" || op === "hasAny" || op === "hasAll" || op === "hasNone") {
    if (!Array.isArray(value) || value.length === 0) return "expected a non-empty list";
    if (value.length > FILTER_LIMITS.listValues) return `at most ${FILTER_LIMITS.listValues} values`;
    for (const item of value) {
      const problem = field.kind === "tags" ? textProblem(item) : scalarProblem(field, item);
      if (problem) return problem;
    }
    return null;
  }
  if (op === "contains" || op === "startsWith") return textProblem(value);
  return scalarProblem(field, value);
}

/** A single value of the field's kind. */
function scalarProblem(field: SegmentField, value: unknown): string | null {
  const kind: FieldKind = field.kind;
  if (kind === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return "expected a number";
    if (field.range && (value < field.range[0] || value > field.range[1])) {
      return `expected a number from ${field.range[0]} to ${field.range[1]}`;
    }
    return null;
  }
  if (kind === "date") return typeof value === "string" && ISO_DATE.test(value) ? null : "expected a date (YYYY-MM-DD)";
  if (kind === "bool") return typeof value === "boolean" ? null : "expected true or false";
  if (kind === "choice") {
    return typeof value === "string" && field.choices?.includes(value)
      ? null
      : `expected one of ${field.choices?.join(", ")}`;
  }
  return textProblem(value);
}

function textProblem(value: unknown): string | null {
  return typeof value === "string" && value.trim().length > 0 && value.length <= 200
    ? null
    : "expected text (1 to 200 characters)";
}
