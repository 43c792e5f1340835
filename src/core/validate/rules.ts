/** Field modes and limits of a request, apart from the checks: what a form needs to draw itself. */
export type FieldMode = 'hidden' | 'optional' | 'required';

/** Limits and field modes; the form and the server read the same values. */
export interface TicketRules {
  topics: readonly string[];
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
  email: FieldMode;
  fullName: FieldMode;
  snils: FieldMode;
  inn: FieldMode;
}

export const DEFAULT_RULES: TicketRules = {
  topics: [],
  titleMax: 150,
  descriptionMin: 10,
  descriptionMax: 2000,
  email: 'optional',
  fullName: 'optional',
  snils: 'optional',
  inn: 'optional',
};
