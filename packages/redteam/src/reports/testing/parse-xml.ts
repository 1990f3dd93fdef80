/** A strict XML parse for report tests: any well-formedness error throws. */
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (entities decoded). */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes } as Record<string, string>,
      children: [],
      text: "",
    };
    top().children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    top().text += text;
  });
  parser.write(xml).close();
  const [documentElement] = root.children;
  if (!documentElement) throw new Error("no document element");
  return documentElement;
}

/** Every element under `element` (itself included) with this name, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const own = element.name === name ? [element] : [];
  return [...own, ...element.children.flatMap((child) => elementsNamed(child, name))];
}

/** All text under `element`: its own first, then its children's. */
export function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join("");
}
