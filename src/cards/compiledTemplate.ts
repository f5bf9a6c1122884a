/**
 * A card template compiled once into closures, for the expressions cards/*.json actually use:
 * `${path}`, text with `${path}` parts, `${path != ''}`, `${count(path) > 0}`, `${!path}` and `&&`
 * of these, with `$data` (object or array) and `$when`. It reproduces adaptivecards-templating's
 * expansion for those; a template using anything else is not compiled, and a value the compiled form
 * does not handle exactly (undefined or null, an unexpected type) makes `expand` return BAIL so the
 * caller expands that card with adaptivecards-templating instead. Same output, without re-parsing and
 * re-walking the template through the expression engine on every card.
 */

export const BAIL: unique symbol = Symbol('bail');
type Bail = typeof BAIL;

interface Scope {
  readonly root: unknown;
  /** The current `$data`; undefined means `$root`. */
  readonly data: unknown;
}

type Eval = (scope: Scope) => unknown;
type Node = (scope: Scope) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

class Unsupported extends Error {}

function lookup(parts: readonly string[]): Eval {
  return (scope) => {
    let value: unknown = scope.data === undefined ? scope.root : scope.data;
    for (const part of parts) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part))
        return BAIL;
      value = (value as Record<string, unknown>)[part];
    }
    return value === undefined || value === null ? BAIL : value;
  };
}

function compileExpression(source: string): Eval {
  const expr = source.trim();
  const and = expr.split('&&');
  if (and.length > 1) {
    const parts = and.map((p) => compileExpression(p));
    return (scope) => {
      let result = true;
      for (const part of parts) {
        const v = part(scope);
        if (typeof v !== 'boolean') return BAIL;
        result = result && v;
      }
      return result;
    };
  }
  let m = /^!\s*([^!]+)$/.exec(expr);
  if (m && PATH.test(m[1]!.trim())) {
    const get = lookup(m[1]!.trim().split('.'));
    return (scope) => {
      const v = get(scope);
      return typeof v === 'boolean' ? !v : BAIL;
    };
  }
  m = /^([A-Za-z0-9_.]+)\s*!=\s*''$/.exec(expr);
  if (m && PATH.test(m[1]!)) {
    const get = lookup(m[1]!.split('.'));
    return (scope) => {
      const v = get(scope);
      return typeof v === 'string' ? v !== '' : BAIL;
    };
  }
  m = /^count\(([A-Za-z0-9_.]+)\)\s*>\s*0$/.exec(expr);
  if (m && PATH.test(m[1]!)) {
    const get = lookup(m[1]!.split('.'));
    return (scope) => {
      const v = get(scope);
      return Array.isArray(v) ? v.length > 0 : BAIL;
    };
  }
  if (PATH.test(expr)) return lookup(expr.split('.'));
  throw new Unsupported(expr);
}

/** A template string: one whole `${…}` keeps the value's type; otherwise parts are joined as text. */
function compileString(text: string): Node | string {
  if (!text.includes('${')) return text;
  if (/[`\\]/.test(text)) throw new Unsupported(text);
  const parts: (string | Eval)[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(compileExpression(m[1]!));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  if (parts.some((p) => typeof p === 'string' && p.includes('${'))) throw new Unsupported(text);
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  return (scope) => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const v = p(scope);
      if (typeof v !== 'string' && typeof v !== 'number') return BAIL;
      out += String(v);
    }
    return out;
  };
}

/** Returns BAIL from anywhere inside: the whole card is then expanded by adaptivecards-templating. */
function compileNode(node: unknown): Node {
  if (typeof node === 'string') {
    const c = compileString(node);
    return typeof c === 'string' ? () => c : c;
  }
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    return (scope) => {
      let out: unknown[] = [];
      for (const item of items) {
        const v = item(scope);
        if (v === BAIL) return BAIL;
        if (v !== null) {
          if (Array.isArray(v)) out = out.concat(v);
          else out.push(v);
        }
      }
      return out;
    };
  }
  if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    const fields = Object.keys(obj)
      .filter((k) => !RESERVED.has(k))
      .map((k) => [k, compileNode(obj[k])] as const);
    if (Object.keys(obj).some((k) => RESERVED.has(k) && k !== '$data' && k !== '$when'))
      throw new Unsupported('reserved field');
    const dataSource = obj.$data;
    const whenSource = obj.$when;
    if (dataSource !== undefined && !(typeof dataSource === 'string' && /^\$\{[^}]*\}$/.test(dataSource)))
      throw new Unsupported('$data');
    if (whenSource !== undefined && !(typeof whenSource === 'string' && /^\$\{[^}]*\}$/.test(whenSource)))
      throw new Unsupported('$when');
    const data =
      dataSource === undefined ? undefined : compileExpression((dataSource as string).slice(2, -1));
    const when =
      whenSource === undefined ? undefined : compileExpression((whenSource as string).slice(2, -1));
    const expandOne = (scope: Scope): Record<string, unknown> | Bail | null => {
      if (when) {
        const w = when(scope);
        if (typeof w !== 'boolean') return BAIL;
        if (!w) return null;
      }
      const out: Record<string, unknown> = {};
      for (const [k, f] of fields) {
        const v = f(scope);
        if (v === BAIL) return BAIL;
        if (v !== undefined) out[k] = v;
      }
      return out;
    };
    return (scope) => {
      let contexts: unknown[];
      if (data) {
        const d = data(scope);
        if (d === BAIL) return BAIL;
        contexts = Array.isArray(d) ? d : [d];
      } else contexts = [undefined];
      const out: Record<string, unknown>[] = [];
      for (const c of contexts) {
        if (c === null) return BAIL;
        const r = expandOne(c === undefined ? scope : { root: scope.root, data: c });
        if (r === BAIL) return BAIL;
        if (r !== null) out.push(r);
      }
      return out.length === 0 ? null : out.length === 1 ? out[0] : out;
    };
  }
  return () => node;
}

export interface CompiledTemplate {
  expand(root: object): unknown;
}

/** The compiled template, or undefined when it uses something the compiled form does not handle. */
export function compileTemplate(payload: unknown): CompiledTemplate | undefined {
  try {
    const node = compileNode(payload);
    return { expand: (root) => node({ root, data: undefined }) };
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
