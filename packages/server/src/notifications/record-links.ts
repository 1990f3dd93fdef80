/** The address of a page below /o/:orgId, as a person opens it from an e-mail, a webhook or a calendar. */
export function pageUrl(publicUrl: string, orgId: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/o/${orgId}/${path.replace(/^\/+/, "")}`;
}
