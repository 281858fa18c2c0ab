// Parent lookups that stay linear on deep trees. web-tree-sitter's `Node.parent` searches down from the root on
// every call (O(depth)), so walking from a node to the root is O(depth²): 20,000 nested arrow functions took over
// a minute. `parentOf` descends once from the root to the node, child by child, and remembers the parent of every
// node on that path, so walking up a chain costs O(depth) once per tree, and O(1) per step after.
import type { Node, Tree } from 'web-tree-sitter';

const parents = new WeakMap<Tree, Map<number, Node | null>>();

export function parentOf(node: Node): Node | null {
  const tree = node.tree;
  let known = parents.get(tree);
  if (!known) parents.set(tree, (known = new Map()));
  const hit = known.get(node.id);
  if (hit !== undefined) return hit;
  const root = tree.rootNode;
  known.set(root.id, null);
  if (node.id === root.id) return null;
  // Each step is one child lookup in C (ts_node_child_with_descendant), not a search from the root.
  let current = root;
  for (let child = root.childWithDescendant(node); child; child = current.childWithDescendant(node)) {
    known.set(child.id, current);
    if (child.id === node.id) return current;
    current = child;
  }
  const parent = node.parent;
  known.set(node.id, parent);
  return parent;
}
