/** The in-app path to continue to after signing in; anything that could leave the site becomes "/". */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
