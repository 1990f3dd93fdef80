/** An entry of an outside framework the catalogue refers to: its stable id and published title. */
export interface FrameworkItem {
  id: string;
  title: string;
}
