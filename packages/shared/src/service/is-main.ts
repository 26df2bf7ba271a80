import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` is the entry file of this process (not imported by the gateway or a test). */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}
