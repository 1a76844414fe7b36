/** Resource type names as Goss's outputs print them (outputs/*.go: "File: /etc/passwd: mode: …"). */
import type { ResourceType } from '../model.ts';

const NAMES: Record<ResourceType, string> = {
  file: 'File',
  package: 'Package',
  port: 'Port',
  service: 'Service',
  user: 'User',
  group: 'Group',
  command: 'Command',
  process: 'Process',
  'kernel-param': 'KernelParam',
  mount: 'Mount',
  interface: 'Interface',
  http: 'HTTP',
  addr: 'Addr',
  dns: 'DNS',
  matching: 'Matching',
  image: 'Image',
};

export function gossTypeName(type: ResourceType): string {
  return NAMES[type];
}
