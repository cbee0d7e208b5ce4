// `feed extract`: turns announcement prose into a notice (issue 6). Stub until that lands.
export async function runExtract(_argv: string[]): Promise<number> {
  process.stderr.write('feed extract: not implemented yet\n');
  return 2;
}
