/**
 * For tests: an SVG string parsed by a real XML parser (saxes) into a small tree, so a test can say the
 * markup is well-formed and count the marks vega drew. Throws on any XML error.
 */
import { SaxesParser } from 'saxes';

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

export function parseSvg(svg: string): SvgNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = typeof a === 'string' ? a : a.value;
    const node: SvgNode = { name: tag.local ?? tag.name, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(svg).close();
  const top = root.children;
  if (top.length !== 1 || top[0]!.name !== 'svg') throw new Error('not one <svg> root');
  return top[0]!;
}

export function* walk(node: SvgNode): Generator<SvgNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

/** The marks vega drew for a layer's role (`mark-rect role-mark`, …): the shapes inside those groups. */
export function markShapes(root: SvgNode, markClass: string): SvgNode[] {
  const out: SvgNode[] = [];
  for (const n of walk(root))
    if (n.name === 'g' && (n.attrs.class ?? '').startsWith(`${markClass} role-mark`)) out.push(...n.children);
  return out;
}

/** Every text drawn. */
export const texts = (root: SvgNode): string[] =>
  [...walk(root)].filter((n) => n.name === 'text').map((n) => n.text);
