import type { Analyzer } from '../../analyzer';
import { analyzeGrounding } from './analyze';
import { GroundingParams } from './params';

/** Grounding (claim support against contexts and KB), answer relevance and context relevance, all offline. */
export const groundingAnalyzer = {
  id: 'grounding',
  version: '1.7.0',
  description:
    'Splits the answer into claims, sets aside conversational parts that state no fact (thanks, offers of help, ' +
    'questions to the user, source lines), and scores each claim against the record contexts and the KB from word ' +
    'coverage, the order of its words in the evidence, unsupported names and numbers, negation and antonym conflicts and character-trigram similarity; ' +
    'also scores answer relevance and context relevance.',
  params: GroundingParams,
  analyze: analyzeGrounding,
} satisfies Analyzer<typeof GroundingParams>;
