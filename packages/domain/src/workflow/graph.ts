/** Every node reachable from `from` (included) along `edges`, followed in the given direction. */
export function reachableFrom(
  from: Iterable<string>,
  edges: ReadonlyArray<readonly [string, string]>,
  direction: "forward" | "backward" = "forward",
): Set<string> {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    const [source, target] = direction === "forward" ? [a, b] : [b, a];
    const list = next.get(source);
    if (list) list.push(target);
    else next.set(source, [target]);
  }
  const seen = new Set(from);
  const queue = [...seen];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    for (const target of next.get(node) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
