import type { NameIndex } from '../../src/knowledge/name-index';

/** A small name index for matcher tests, independent of the bundled knowledge file. */
export const TEST_INDEX: NameIndex = [
  { id: 'amazon', name: 'Amazon', category: 'company', aliases: ['Amazon.com'], ambiguous: ['Amazon'] },
  {
    id: 'aws',
    name: 'Amazon Web Services',
    category: 'company',
    aliases: ['Amazon Web Services', 'AWS'],
    ambiguous: [],
  },
  { id: 'anthropic', name: 'Anthropic', category: 'company', aliases: ['Anthropic'], ambiguous: [] },
  { id: 'nvidia', name: 'Nvidia', category: 'company', aliases: ['Nvidia', 'NVIDIA'], ambiguous: [] },
  { id: 'microsoft', name: 'Microsoft', category: 'company', aliases: ['Microsoft', 'Microsoft Corp.'], ambiguous: [] },
  { id: 'nvidia-h100', name: 'Nvidia H100', category: 'chip', aliases: ['H100', 'Nvidia H100'], ambiguous: [] },
  { id: 'trainium', name: 'Trainium', category: 'chip', aliases: ['Trainium'], ambiguous: [] },
  { id: 'trainium2', name: 'Trainium2', category: 'chip', aliases: ['Trainium2', 'Trainium 2'], ambiguous: [] },
  { id: 'gpu', name: 'GPU', category: 'chip', aliases: ['GPU'], ambiguous: [] },
  {
    id: 'uk-cma',
    name: 'Competition and Markets Authority',
    category: 'regulator',
    aliases: ['Competition and Markets Authority', 'CMA', 'UK CMA', 'UK Competition and Markets Authority'],
    ambiguous: [],
  },
  { id: 'claude', name: 'Claude', category: 'product', aliases: [], ambiguous: ['Claude'] },
  { id: 'gemini', name: 'Gemini', category: 'product', aliases: [], ambiguous: ['Gemini'] },
  { id: 'scale-ai', name: 'Scale AI', category: 'company', aliases: ['Scale AI'], ambiguous: ['Scale'] },
  { id: 'openai', name: 'OpenAI', category: 'company', aliases: ['OpenAI'], ambiguous: [] },
  {
    id: 'cac',
    name: 'Cyberspace Administration of China',
    category: 'regulator',
    aliases: ['国家互联网信息办公室'],
    ambiguous: [],
  },
];
