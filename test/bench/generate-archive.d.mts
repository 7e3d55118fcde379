/** Types of the benchmark's archive generator, for the tests that reuse its zip writer. */
export function writeArchive(count: number, outDir: string): { folder: string; zip: string; tweetsJs: string };
/** A deflated zip of [name, data, claimed inflated size] entries; the claim may lie, for bomb tests. */
export function zip(entries: readonly (readonly [name: string, data: Buffer, claimedSize?: number])[]): Buffer;
