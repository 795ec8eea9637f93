import type { Command } from 'commander';
import { registerAuditLog } from './audit-log';
import { registerDemo } from './demo';
import { registerImport } from './import';
import { registerInit } from './init';
import { registerServe } from './serve';

/** Each CLI command lives in its own file and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerInit, registerImport, registerDemo, registerServe, registerAuditLog];
