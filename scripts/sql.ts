/** SQL literal for generated migration and seed files (values are our own data, never user input). */
export function sqlString(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}
