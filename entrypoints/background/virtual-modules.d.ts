// Provided by the bundledNotices() Vite plugin in wxt.config.ts.
declare module 'virtual:bundled-notices' {
  const notices: unknown[];
  export default notices;
}
