import { knowledgeAsOf, loadKnowledge } from './scripts/knowledge-load';
import { report, strongSites } from './scripts/knowledge-report';

const r = report(loadKnowledge().entities, knowledgeAsOf(), strongSites());
console.log('weak', r.weak.length, 'stale', r.stale.length);
if (process.argv[2]) for (const w of r.weak) console.log(w.id, '|', w.fact.slice(0, 80), '|', w.sources.join(' '));
