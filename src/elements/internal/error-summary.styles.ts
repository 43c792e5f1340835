import { css } from 'lit';

/** The summary's look, apart from its template: a form draws it only after a failed submit. */
export const errorSummaryStyles = css`
  .error-summary {
    margin-block-end: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2);
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
  }
  .error-summary h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
`;
