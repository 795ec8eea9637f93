import type { Command } from 'commander';
import { registerAuditLog } from './audit-log';
import { registerDemo } from './demo';
import { registerImport, registerQuarantine } from './import';
import { registerInit } from './init';
import { registerServe } from './serve';
import { registerSearch } from './search';
import { registerEvalRetrieval } from './eval-retrieval';
import { registerScore } from './score';
import { registerAnalyze } from './analyze';
import { registerDrift } from './drift';
import { registerMetrics } from './metrics';
import { registerRecords } from './records';
import { registerKeygen } from './keygen';
import { registerReport } from './report';
import { registerVerify } from './verify';
import { registerReview } from './review';
import { registerCompare } from './compare';
import { registerGate } from './gate';
import { registerKb } from './kb';
import { registerProfile } from './profile';

/** Each CLI command lives in its own file and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerInit, registerImport, registerQuarantine, registerDemo, registerServe, registerAuditLog, registerSearch, registerEvalRetrieval,
  registerScore, registerAnalyze, registerDrift, registerMetrics, registerRecords, registerReview, registerKeygen, registerReport, registerVerify, registerCompare, registerGate, registerKb, registerProfile];
