/** Types of scripts/server-flags.mjs (plain JavaScript, so that npm start runs it without a loader). */
export declare const DEFAULT_HEAP_MB: number;
export declare function serverNodeFlags(env?: NodeJS.ProcessEnv): string[];
