/** The public page behind an organisation's anonymous concern link. */
export default function AnonymousConcernPage() {
  return null;
}
