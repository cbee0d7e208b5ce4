// opencc-js ships types for its core but not for its dictionary modules (exports "./*"), which
// are each one string of "source target|source target" pairs.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
