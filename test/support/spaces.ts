// Countdowns and dates are written with no-break spaces so they never wrap (issue 18, item 1);
// tests compare them with plain spaces.
export const spaced = (text: string | null | undefined): string => (text ?? '').replaceAll('\u00a0', ' ');
