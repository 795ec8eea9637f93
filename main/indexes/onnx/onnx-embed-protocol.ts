import type { MessagePort } from 'node:worker_threads';
import type { ProviderSpec } from '../../../shared/text/embed/provider';

/** Messages between a synchronous ONNX provider (the caller's thread) and its model worker. */

export interface OpenRequest {
  type: 'open';
  dir: string;
  maxLength?: number;
  expectModelSha256?: string;
}

export interface EmbedRequest {
  type: 'embed';
  texts: string[];
}

export type EmbedWorkerRequest = OpenRequest | EmbedRequest;

export type EmbedWorkerReply =
  | { type: 'opened'; spec: ProviderSpec }
  | { type: 'embedded'; vectors: Float32Array[] }
  | { type: 'error'; message: string };

/** First message to the worker: the port requests arrive on (the signal word comes as workerData.signal). */
export interface EmbedWorkerSetup {
  type: 'setup';
  port: MessagePort;
}

/** Signal word values: 0 waiting, 1 a reply was posted, 2 the worker is exiting. */
export const REPLY_POSTED = 1;
export const WORKER_GONE = 2;
