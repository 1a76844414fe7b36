/** Which observer answers each resource type. Resources know nothing of matchers or targets' insides. */
import type { ResourceType } from '../model.ts';
import { observeGroup, observeUser } from './accounts.ts';
import { observeFile } from './file.ts';
import { observeImage } from './image.ts';
import {
  observeCommand,
  observeInterface,
  observeKernelParam,
  observeMount,
  observePort,
  observeProcess,
  observeService,
} from './live.ts';
import { observeMatching } from './matching.ts';
import { observeAddr, observeDns, observeHttp } from './network.ts';
import { observePackage } from './package.ts';
import type { Observe } from './types.ts';

export const OBSERVERS: Record<ResourceType, Observe> = {
  file: observeFile,
  package: observePackage,
  port: observePort,
  service: observeService,
  user: observeUser,
  group: observeGroup,
  command: observeCommand,
  process: observeProcess,
  'kernel-param': observeKernelParam,
  mount: observeMount,
  interface: observeInterface,
  http: observeHttp,
  addr: observeAddr,
  dns: observeDns,
  matching: observeMatching,
  image: observeImage,
};
