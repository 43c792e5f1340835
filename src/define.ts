/**
 * Registers a custom element unless a tag of that name exists already (two copies of the kit on
 * one page, or an element module imported twice): the first definition wins, nothing throws.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
