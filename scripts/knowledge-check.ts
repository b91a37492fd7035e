/** `npm run knowledge:check`: checks every knowledge file and lists each mistake with file:line:column. */
import { formatIssue } from '../src/knowledge/validate.ts';
import { loadKnowledge } from './knowledge-load.ts';

const { entities, issues } = loadKnowledge();
if (issues.length > 0) {
  console.error(`${issues.length === 1 ? 'A mistake' : `${issues.length} mistakes`} in the knowledge:\n`);
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  console.error('\nSee docs/knowledge.md for the format.');
  process.exit(1);
}
console.log(`The knowledge is valid: ${entities.length} entities.`);
