import { fail, ok, type Result } from "../core/result.ts";

/**
 * The JSON Schema subset the tools' inputs use, checked here so that bad arguments are answered with
 * the CLI's `USAGE_ERROR` (and a message naming the argument) instead of the SDK's generic error.
 */
export type PropertySchema =
  | { type: "string"; description: string; enum?: readonly string[]; minLength?: number }
  | { type: "integer"; description: string; minimum: number; maximum: number; default?: number }
  | { type: "boolean"; description: string }
  | { type: "array"; description: string; items: { type: "string"; enum?: readonly string[] }; minItems: number; maxItems: number };

export interface InputSchema {
  type: "object";
  properties: Record<string, PropertySchema>;
  required?: readonly string[];
  additionalProperties: false;
}

type Arguments = Record<string, unknown>;

function checkValue(name: string, value: unknown, schema: PropertySchema): string | null {
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return `'${name}' must be a string`;
      if (schema.minLength !== undefined && value.length < schema.minLength) return `'${name}' must not be empty`;
      if (schema.enum && !schema.enum.includes(value)) return `'${name}' must be one of ${schema.enum.join(", ")}; got '${value}'`;
      return null;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) return `'${name}' must be a whole number`;
      if (value < schema.minimum || value > schema.maximum) return `'${name}' must be from ${schema.minimum} to ${schema.maximum}; got ${value}`;
      return null;
    case "boolean":
      return typeof value === "boolean" ? null : `'${name}' must be true or false`;
    case "array": {
      if (!Array.isArray(value)) return `'${name}' must be an array`;
      if (value.length < schema.minItems || value.length > schema.maxItems) return `'${name}' takes ${schema.minItems} to ${schema.maxItems} items; got ${value.length}`;
      const bad = value.find((item) => typeof item !== "string" || (schema.items.enum !== undefined && !schema.items.enum.includes(item)));
      if (bad === undefined) return null;
      return schema.items.enum ? `'${name}' items must be among ${schema.items.enum.join(", ")}; got ${JSON.stringify(bad)}` : `'${name}' items must be strings`;
    }
  }
}

export function validateArguments(args: unknown, schema: InputSchema): Result<Arguments> {
  if (args === undefined || args === null) args = {};
  if (typeof args !== "object" || Array.isArray(args)) return fail("USAGE_ERROR", "arguments must be an object");
  const given = args as Arguments;
  for (const name of Object.keys(given)) {
    if (!(name in schema.properties)) return fail("USAGE_ERROR", `unknown argument '${name}'; this tool takes ${Object.keys(schema.properties).join(", ")}`);
  }
  for (const name of schema.required ?? []) {
    if (given[name] === undefined) return fail("USAGE_ERROR", `'${name}' is required`);
  }
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const problem = checkValue(name, value, schema.properties[name]!);
    if (problem) return fail("USAGE_ERROR", problem);
  }
  return ok(given);
}
