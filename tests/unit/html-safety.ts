import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const FORBIDDEN_TAGS = new Set(["script", "iframe", "svg", "math", "object", "embed", "style", "link", "meta", "base", "form", "img"]);
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background"]);

/** Parses HTML the way a browser does and lists everything in it that could run code. */
export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node) {
      const element = node as Element;
      if (FORBIDDEN_TAGS.has(element.tagName)) problems.push(`<${element.tagName}> element`);
      for (const attr of element.attrs) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`${name} attribute on <${element.tagName}>`);
        // Browsers ignore whitespace and control characters inside a scheme.
        const value = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (URL_ATTRIBUTES.has(name) && /^(?:javascript|data|vbscript):/.test(value)) {
          problems.push(`${name}="${attr.value}" on <${element.tagName}>`);
        }
        if (name === "style") problems.push(`style attribute on <${element.tagName}>`);
      }
    }
    if ("childNodes" in node) node.childNodes.forEach(visit);
    if ("content" in node && node.content) visit(node.content as Node);
  };
  visit(parseFragment(html) as Node);
  return problems;
}

/** The text a reader sees (entities decoded), for checking a payload is shown as words. */
export function visibleText(html: string): string {
  let text = "";
  const visit = (node: Node) => {
    if (node.nodeName === "#text") text += (node as DefaultTreeAdapterMap["textNode"]).value;
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(html) as Node);
  return text;
}

/** All elements with a given tag name under a node, in document order. */
export function descendants(root: Node, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node && (node as Element).tagName === tagName) found.push(node as Element);
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  visit(root);
  return found;
}

/** All elements with a given tag name in an HTML fragment, in document order. */
export const elements = (html: string, tagName: string): Element[] => descendants(parseFragment(html) as Node, tagName);

export const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** Direct child elements with a tag name. */
export const childElements = (element: Element, tagName: string): Element[] =>
  element.childNodes.filter((child): child is Element => "tagName" in child && child.tagName === tagName);

export function textOf(element: Node): string {
  let text = "";
  const visit = (node: Node) => {
    if (node.nodeName === "#text") text += (node as DefaultTreeAdapterMap["textNode"]).value;
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  visit(element);
  return text;
}
