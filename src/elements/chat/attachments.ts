import { lazy } from '../../core/lazy.js';

/** The attachment pipeline (sniffing, limits, compression in a Worker), loaded when a file is picked. */
export const loadPipeline = lazy(() => import('../internal/attach-pipeline.js'));
