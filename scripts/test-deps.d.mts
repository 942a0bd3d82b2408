// Types of scripts/test-deps.mjs, a plain module so that `npm test` runs it before anything is compiled.
export interface Need {
  /** A command looked up on PATH, or else `file`, a file that must exist (a font). */
  command?: string;
  file?: string;
  package: string;
  suite: string;
}
export const NEEDS: Need[];
export const INSTALL_COMMAND: string;
export function which(command: string, pathVariable?: string): string | undefined;
export function missingNeeds(pathVariable?: string, needs?: Need[]): Need[];
export function ensureNeeds(options?: { pathVariable?: string; uid?: number; install?: () => number; needs?: Need[] }): {
  ok: boolean;
  installed: boolean;
  message: string;
};
