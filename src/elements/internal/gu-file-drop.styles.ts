import { css } from 'lit';

/** The file field: drop zone, file list with thumbnails and progress, the redaction dialog. */
export const fileDropStyles = css`
      .zone {
        padding: calc(var(--_space) * 2);
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .zone.over {
        border-color: var(--_primary);
        background: var(--_surface-alt);
      }
      #control {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      #control:focus-visible + label {
        outline: var(--_focus-width) solid var(--_focus-dark);
        outline-offset: 0;
        box-shadow: 0 0 0 calc(var(--_focus-width) * 2) var(--_focus);
      }
      ul {
        list-style: none;
        margin: var(--_space) 0 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 56px 1fr;
        gap: var(--_space);
        align-items: center;
        padding: var(--_space) 0;
        border-top: 1px solid var(--_border);
      }
      .thumb {
        width: 56px;
        height: 56px;
        object-fit: cover;
        border-radius: 4px;
        background: var(--_surface-alt);
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .refused {
        color: var(--_error);
        font-weight: 600;
      }
      progress {
        width: 100%;
        accent-color: var(--_primary);
      }
      .redactor {
        max-width: min(760px, 96vw);
        border: 0;
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 3);
        color: var(--_text);
        background: var(--_surface);
      }
      .redactor::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      .redactor canvas {
        display: block;
        max-width: 100%;
        touch-action: none;
        cursor: crosshair;
        margin-block: var(--_space);
      }
      .redactor-modes {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space) calc(var(--_space) * 2);
        border: 0;
        padding: 0;
      }
      .redactor-modes legend {
        float: left;
        width: 100%;
        font-weight: 600;
      }
      .redactor-modes label {
        display: inline-flex;
        gap: var(--_space);
        align-items: center;
      }
      .redactor-modes input {
        display: inline-block;
        width: 22px;
        height: 22px;
        min-height: 0;
        padding: 0;
        accent-color: var(--_primary);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
`;
