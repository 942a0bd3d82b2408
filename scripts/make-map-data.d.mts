// Types of scripts/make-map-data.mjs (a plain module: it imports the ESM-only map package).
export function ringsOf(path: string): [number, number][][];
export function simplify(ring: [number, number][], tolerance?: number): [number, number][];
export function geometrySource(): Promise<string>;
