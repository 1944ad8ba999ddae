/** An element of a document built in code; children that are false, null or undefined are left out. */
export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
};
export type XmlChild = XmlElement | string | false | null | undefined;

/**
 * One element: `el("Set", { Name: "Mailbox" })`, `el("Id", {}, id)`. Attributes are written in the
 * order given; undefined ones are left out, so optional attributes read as plain object literals.
 */
export function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: XmlChild[]) {
  const defined = Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    name,
    attributes: Object.fromEntries(defined),
    children: children.filter((child): child is XmlElement | string => child !== false && child != null),
  } satisfies XmlElement;
}

/** The document, indented by two spaces; an element with only text keeps it on its own line. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, "")}\n`;
}

function renderElement(element: XmlElement, indent: string): string {
  const attributes = Object.entries(element.attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const open = `${indent}<${element.name}${attributes}`;
  if (element.children.length === 0) return `${open}/>`;
  if (element.children.every((child) => typeof child === "string")) {
    return `${open}>${element.children.map((text) => escapeXml(text as string)).join("")}</${element.name}>`;
  }
  const inner = element.children.map((child) =>
    typeof child === "string" ? `${indent}  ${escapeXml(child)}` : renderElement(child, `${indent}  `),
  );
  return `${open}>\n${inner.join("\n")}\n${indent}</${element.name}>`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
