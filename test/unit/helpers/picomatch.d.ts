// picomatch ships no types; the glob tests use it only as an oracle.
declare module 'picomatch' {
  function picomatch(glob: string, options?: { dot?: boolean }): (path: string) => boolean;
  export default picomatch;
}
