/** Windows device names that open a device whatever folder they are in. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/**
 * Why a path a model names for data of its own (ONNX external data, a Keras asset) could reach a
 * file outside the model's folder, or null when it is a plain relative path that stays inside.
 * Both separators are treated as such, so a path is judged the same for every platform.
 */
export function escapingLocation(location: string): string | null {
  if (location.length === 0) return "it is empty";
  if (location.includes("\0")) return "it contains a NUL character";
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) return "it names a drive or a URL scheme";
  if (location.startsWith("/") || location.startsWith("\\")) return "it is absolute";
  if (location.startsWith("~")) return "it starts in a home folder";
  let depth = 0;
  for (const segment of location.split(/[/\\]+/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      depth--;
      if (depth < 0) return "it climbs out of the model's folder with ..";
    } else {
      if (WINDOWS_DEVICES.test(segment)) return `it names the device ${segment}`;
      depth++;
    }
  }
  if (depth === 0) return "it names the model's folder itself";
  return null;
}
