/**
 * Ambiguous aliases that are also ordinary English words: at the start of a sentence their
 * capital letter proves nothing ("Scale matters", "Perplexity grew"), so there they count only
 * when the page names the entity elsewhere. Proper nouns (Amazon, Gemini, Claude) need no such care.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'Alphabet',
  'Apple',
  'Arm',
  'Ascend',
  'Axion',
  'Character',
  'Cobalt',
  'Cohere',
  'Figure',
  'Grace',
  'Groq',
  'Inflection',
  'Instinct',
  'Intel',
  'Ironwood',
  'Lambda',
  'Meta',
  'Micron',
  'Moonshot',
  'Neuron',
  'Oracle',
  'Perplexity',
  'Runway',
  'Scale',
  'Snowflake',
  'Together',
  'Trillium',
  'Copilot',
  'Hopper',
  'Ampere',
]);
