/**
 * The fields of a support request, named as in docs/api.md so a server's field error finds its
 * field; also the order of the form and of its error summary.
 */
export const FIELD_ORDER = [
  'topic',
  'previousNumber',
  'title',
  'description',
  'files',
  'contact.phone',
  'contact.email',
  'contact.fullName',
  'contact.snils',
  'contact.inn',
  'contact.accountNumber',
  'consent',
] as const;
export type FieldKey = (typeof FIELD_ORDER)[number];

/** What the form holds as text: also what a draft, a prefill or a hand-off carries. */
export type FormValues = Partial<Record<Exclude<FieldKey, 'consent' | 'files'>, string>>;
