// Types of scripts/test-deps.mjs, a plain module so that `npm test` runs it before anything is compiled.
export interface Need {
  command: string;
  package: string;
  suite: string;
}
export const NEEDS: Need[];
export const INSTALL_COMMAND: string;
export function which(command: string, pathVariable?: string): string | undefined;
export function missingNeeds(pathVariable?: string): Need[];
export function ensureNeeds(options?: {
  pathVariable?: string;
  uid?: number;
  install?: () => number;
}): { ok: boolean; installed: boolean; message: string };
