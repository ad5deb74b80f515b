/**
 * A strict, small XML reader for tests: it accepts only well-formed markup (one root, every tag
 * closed in order, attributes quoted and not repeated, `&` only in a known or numeric entity, no
 * `<` in text or attribute values) and throws a message naming the first fault; otherwise it
 * returns the element tree with entities decoded. Enough to check a file a slide tool must open.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (decoded), its children's excluded. */
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAME = /^[A-Za-z_][\w.:-]*$/;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`a raw "<" in ${where}`);
  const stray = raw.replace(ENTITY, '');
  if (stray.includes('&')) throw new Error(`a bare "&" in ${where}: ${raw.slice(0, 60)}`);
  return raw.replace(ENTITY, (e) => {
    switch (e) {
      case '&amp;':
        return '&';
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&quot;':
        return '"';
      case '&apos;':
        return "'";
      default:
        return String.fromCodePoint(
          e.startsWith('&#x') ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10),
        );
    }
  });
}

function parseAttrs(source: string, tag: string): Record<string, string> {
  // A null prototype: an attribute named __proto__ is just a name here.
  const attrs = Object.create(null) as Record<string, string>;
  const re = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  let at = 0;
  const rest = source.trimEnd();
  while (at < rest.length) {
    re.lastIndex = at;
    const m = re.exec(rest);
    if (m === null)
      throw new Error(`a malformed attribute in <${tag}>: ${rest.slice(at, at + 40)}`);
    const name = m[1] as string;
    if (!NAME.test(name)) throw new Error(`a bad attribute name ${name} in <${tag}>`);
    if (Object.hasOwn(attrs, name)) throw new Error(`attribute ${name} twice in <${tag}>`);
    attrs[name] = decode(m[2] ?? m[3] ?? '', `attribute ${name} of <${tag}>`);
    at = re.lastIndex;
  }
  return attrs;
}

/** The root element of `xml`, or an Error thrown at the first thing that is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (s.length > 0) {
    const lt = s.indexOf('<');
    const text = lt < 0 ? s : s.slice(0, lt);
    if (text.length > 0) {
      const top = stack.at(-1);
      if (top === undefined) {
        if (text.trim() !== '') throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      } else top.text += decode(text, `the text of <${top.name}>`);
    }
    if (lt < 0) break;
    s = s.slice(lt);
    if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) throw new Error('an unclosed comment');
      s = s.slice(end + 3);
      continue;
    }
    if (s.startsWith('<!') || s.startsWith('<?')) throw new Error(`unexpected ${s.slice(0, 12)}`);
    const gt = s.indexOf('>');
    if (gt < 0) throw new Error('an unclosed tag');
    const inner = s.slice(1, gt);
    s = s.slice(gt + 1);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
    if (!NAME.test(name)) throw new Error(`a bad tag name "${name}"`);
    const el: XmlElement = {
      name,
      attrs: parseAttrs(body.slice(name.length), name),
      children: [],
      text: '',
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else if (root === null) root = el;
    else throw new Error(`a second root <${name}>`);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (root === null) throw new Error('no root element');
  return root;
}

/** Every element under (and including) `el`, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** The text of `el` and everything under it. */
export function deepText(el: XmlElement): string {
  return el.text + el.children.map(deepText).join('');
}
