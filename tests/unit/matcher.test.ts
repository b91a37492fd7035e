import { describe, expect, it } from 'vitest';
import { aliasPattern } from '../../scripts/alias-pattern';
import { loadKnowledge } from '../../scripts/knowledge-load';
import { type NameIndex, toNameIndex } from '../../src/knowledge/name-index';
import { compileMatcher, createEvidence, extendTable, findMentions, scanBlock, sentenceAround } from '../../src/match';
import { joinTable, tableFromLines, tableToLines } from '../../src/match/matcher';
import { TEST_INDEX } from './names';

const matcher = compileMatcher(TEST_INDEX);
/** Raw candidates as [matched text, entity id]: what the regex finds before relevance. */
const scan = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

// The benchmark's floor compiles every alias into one RegExp with this.
describe('aliasPattern (benchmark floor)', () => {
  it('factors shared prefixes and keeps longer names first', () => {
    expect(aliasPattern(['AWS', 'Amazon', 'Amazon Web Services'])).toBe('A(?:WS|mazon(?: Web Services)?)');
  });
  it('escapes RegExp syntax', () => {
    expect(new RegExp(aliasPattern(['Microsoft Corp.', 'C++']), 'u').test('Microsoft Corpx')).toBe(false);
    expect(new RegExp(`^(?:${aliasPattern(['C++'])})$`, 'u').test('C++')).toBe(true);
  });
  it('is empty for no aliases', () => {
    expect(aliasPattern([])).toBe('');
  });
});

describe('matcher.scan', () => {
  it('finds names with exact offsets and their category', () => {
    const text = 'Anthropic trains on Trainium.';
    expect(matcher.scan(text)).toEqual([
      {
        start: 0,
        end: 9,
        entityId: 'anthropic',
        category: 'company',
        alias: 'Anthropic',
        ambiguous: false,
        cue: true,
        initialWord: false,
      },
      {
        start: 20,
        end: 28,
        entityId: 'trainium',
        category: 'chip',
        alias: 'Trainium',
        ambiguous: false,
        cue: true,
        initialWord: false,
      },
    ]);
  });
  it('handles both possessive apostrophes without including them', () => {
    expect(scan("Nvidia's chips and Anthropic’s models")).toEqual([
      ['Nvidia', 'nvidia'],
      ['Anthropic', 'anthropic'],
    ]);
  });
  it('takes plurals of capitalised or numbered names (GPUs, H100s) but not of words', () => {
    expect(scan('racks of H100s and GPUs')).toEqual([
      ['H100s', 'nvidia-h100'],
      ['GPUs', 'gpu'],
    ]);
    expect(scan('the Amazons of myth')).toEqual([]);
  });
  it('takes the name out of a German genitive ("Nvidias Chips") but not of a word', () => {
    expect(scan('Nvidias Chips und Anthropics Modelle')).toEqual([
      ['Nvidia', 'nvidia'],
      ['Anthropic', 'anthropic'],
    ]);
    // Before a brand written with a small letter first ("Elon Musks xAI", "Nvidias iPhone-Chips").
    expect(scan('Anthropics xAI-Klage und Nvidias iPhone-Chips')).toEqual([
      ['Anthropic', 'anthropic'],
      ['Nvidia', 'nvidia'],
    ]);
    expect(scan('Nvidias xai Chips')).toEqual([]);
    expect(scan('Nvidias chips')).toEqual([]);
    expect(scan('Nvidiasx Chips')).toEqual([]);
  });
  it('splits hyphen and slash compounds', () => {
    expect(scan('the Amazon-Anthropic deal, a CPU/GPU split')).toEqual([
      ['Amazon', 'amazon'],
      ['Anthropic', 'anthropic'],
      ['GPU', 'gpu'],
    ]);
  });
  it('prefers the longest name and never overlaps', () => {
    expect(scan('Amazon Web Services and the UK Competition and Markets Authority, Nvidia H100, Trainium 2')).toEqual([
      ['Amazon Web Services', 'aws'],
      ['UK Competition and Markets Authority', 'uk-cma'],
      ['Nvidia H100', 'nvidia-h100'],
      ['Trainium 2', 'trainium2'],
    ]);
  });
  it('finds each of many names that share their first letters, and the longest where they extend one another', () => {
    // Over six aliases behind "Co", then "Com", then "Comp": the lists the matcher splits by the next letter.
    const names = [
      'Cohere',
      'CoreWeave',
      'Copilot',
      'Codex',
      'Colossus',
      'Competition Bureau',
      'Commerce',
      'Compute',
      'Compass',
      'Compal',
      'Compaq',
      'Compton',
      'Comptroller',
      'Commission',
      'Cognition',
    ];
    const index: NameIndex = [...names, 'Commission nationale'].map((name, i) => ({
      id: `e${i}`,
      name,
      category: 'company',
      aliases: [name],
      ambiguous: [],
    }));
    const many = compileMatcher(index);
    const text = `${names.join(', ')}; Commission nationale, Comptroll, Compa, Coherent, Co, Com.`;
    const found = many.scan(text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual([...names, 'Commission nationale']);
    // A table built at build time (its lines) finds the same.
    const lines = compileMatcher(index, tableFromLines(tableToLines(extendTable({}, index))));
    expect(lines.scan(text)).toEqual(many.scan(text));
  });
  it('falls back to the shorter name when a longer one that extends it does not end at a word boundary', () => {
    expect(scan('Amazon Web Servicesx, Amazon Webb, Amazon.')).toEqual([
      ['Amazon', 'amazon'],
      ['Amazon', 'amazon'],
      ['Amazon', 'amazon'],
    ]);
  });
  it('finds names a pack adds before, after and inside the bundled ones that share their start', () => {
    const pack = [
      {
        id: 'ama',
        name: 'Ama',
        category: 'company' as const,
        aliases: ['Ama', 'Amazon Web Services Labs'],
        ambiguous: [],
      },
    ];
    const table = extendTable(extendTable({}, TEST_INDEX), pack, TEST_INDEX.length);
    const both = compileMatcher([...TEST_INDEX, ...pack], table);
    const found = (text: string) => both.scan(text).map((m) => [text.slice(m.start, m.end), m.entityId]);
    expect(found('Ama, Amazon, Amazon Web Services, Amazon Web Services Labs')).toEqual([
      ['Ama', 'ama'],
      ['Amazon', 'amazon'],
      ['Amazon Web Services', 'aws'],
      ['Amazon Web Services Labs', 'ama'],
    ]);
    // The bundled matcher does not know the pack's names.
    expect(scan('Ama and Amazon Web Services Labs')).toEqual([['Amazon Web Services', 'aws']]);
  });
  it('matches legal suffixes and country prefixes listed as aliases', () => {
    expect(scan('Microsoft Corp. said the UK CMA')).toEqual([
      ['Microsoft Corp.', 'microsoft'],
      ['UK CMA', 'uk-cma'],
    ]);
  });
  it('is case-sensitive: spellings must be listed', () => {
    expect(scan('NVIDIA, Nvidia, nvidia, ANTHROPIC')).toEqual([
      ['NVIDIA', 'nvidia'],
      ['Nvidia', 'nvidia'],
    ]);
  });
  it('respects word boundaries of any script', () => {
    expect(scan('H1000 xAWS AWSé CMAx AWS2 éAWS')).toEqual([]);
    expect(scan('“AWS” (CMA) Ünternehmen-AWS')).toEqual([
      ['AWS', 'aws'],
      ['CMA', 'uk-cma'],
      ['AWS', 'aws'],
    ]);
    // Chinese, Japanese and Korean are written without spaces: a name touching them is a name.
    expect(scan('据国家互联网信息办公室称')).toEqual([['国家互联网信息办公室', 'cac']]);
    expect(scan('据 国家互联网信息办公室 称')).toEqual([['国家互联网信息办公室', 'cac']]);
    expect(scan('在AWS上训练，CMAが調査')).toEqual([
      ['AWS', 'aws'],
      ['CMA', 'uk-cma'],
    ]);
  });
  it('finds the same names when every alias starts with an ASCII letter or digit (the \\b start pattern)', () => {
    const ascii = TEST_INDEX.filter((e) => [...e.aliases, ...e.ambiguous].every((a) => /^[A-Za-z0-9]/.test(a)));
    expect(ascii.length).toBeLessThan(TEST_INDEX.length);
    const fast = compileMatcher(ascii);
    const texts = [
      'H1000 xAWS AWSé CMAx AWS2 éAWS',
      '“AWS” (CMA) Ünternehmen-AWS',
      // `\b` counts "_" as part of a word; the lookbehind, like the rest of the matcher, does not.
      'x_AWS _CMA AWS_ snake_case_Nvidia',
      'Amazon Web Services and AWS’s H100s, Nvidia H100 GPUs; GPU.',
      '𝐀AWS AWS𝐀 AWS\u0301 e\u0301AWS',
    ];
    for (const text of texts) expect(fast.scan(text)).toEqual(matcher.scan(text));
    expect(fast.scan('x_AWS _CMA').map((m) => m.entityId)).toEqual(['aws', 'uk-cma']);
  });
  it('treats letters beyond the BMP and combining marks as part of a word', () => {
    expect(scan('𝐀AWS AWS𝐀 AWS\u0301 e\u0301AWS')).toEqual([]);
    expect(scan('𝐀 AWS')).toEqual([['AWS', 'aws']]);
  });
  it('finds a one-character name only as a word of its own', () => {
    const m = compileMatcher([{ id: 'x', name: 'X', category: 'company', aliases: ['X'], ambiguous: [] }]);
    const text = 'X said Xbox and MAX, then X.';
    expect(m.scan(text).map((c) => c.start)).toEqual([0, text.lastIndexOf('X')]);
  });
  it('does not take a name that runs into a decimal', () => {
    const m = compileMatcher([{ id: 'gpt-4', name: 'GPT-4', category: 'product', aliases: ['GPT-4'], ambiguous: [] }]);
    expect(m.scan('GPT-4.5 and GPT-4, 2023').map((c) => c.start)).toEqual([12]);
  });
  it('lets a longer name starting inside a multi-word match win ("The Information Commissioner\'s Office")', () => {
    const m = compileMatcher([
      {
        id: 'the-information',
        name: 'The Information',
        category: 'company',
        aliases: ['The Information'],
        ambiguous: [],
      },
      {
        id: 'uk-ico',
        name: 'ICO',
        category: 'regulator',
        aliases: ["Information Commissioner's Office"],
        ambiguous: [],
      },
    ]);
    const text = "The Information Commissioner's Office fined the firm, The Information reported.";
    expect(m.scan(text).map((c) => [text.slice(c.start, c.end), c.entityId])).toEqual([
      ["Information Commissioner's Office", 'uk-ico'],
      ['The Information', 'the-information'],
    ]);
  });
  it('finds nothing in empty or name-free text', () => {
    expect(matcher.scan('')).toEqual([]);
    expect(matcher.scan('The weather was mild all week.')).toEqual([]);
  });
  it('marks ambiguous aliases', () => {
    expect(matcher.scan('Claude').map((m) => m.ambiguous)).toEqual([true]);
  });
});

describe('findMentions', () => {
  const ai =
    'Anthropic will train its AI models on AWS chips. Amazon has put $8 billion into the startup, and Claude will run on Inferentia.';
  it('keeps ambiguous names on an AI page when a cue is near', () => {
    expect(findMentions(matcher, ai).map((m) => m.alias)).toEqual(['Anthropic', 'AWS', 'Amazon', 'Claude']);
  });
  it('returns offsets into the whole text across paragraphs', () => {
    const text = `Intro line.\n\n${ai}`;
    const [first] = findMentions(matcher, text);
    expect(first && text.slice(first.start, first.end)).toBe('Anthropic');
  });
  it('does not take an ordinary word opening a sentence for a name, unless the page confirms it', () => {
    const opening = 'Scale matters for training AI models. Nvidia and Anthropic agree, and GPU makers too.';
    expect(findMentions(matcher, opening).map((m) => m.alias)).toEqual(['Nvidia', 'Anthropic', 'GPU']);
    const confirmed =
      'Scale AI labels training data for AI models at Anthropic and Nvidia.\n\nScale said it would hire.';
    expect(findMentions(matcher, confirmed).map((m) => m.alias)).toEqual(['Scale AI', 'Anthropic', 'Nvidia', 'Scale']);
  });

  it('highlights nothing on a page that is not about AI', () => {
    const text = 'The Amazon river carries more water than any other. Claude Monet painted water lilies at Giverny.';
    expect(findMentions(matcher, text)).toEqual([]);
  });
  it('can be forced on a page that is not about AI, keeping only unambiguous names', () => {
    const text = 'A walk along the Amazon. Later we read about Nvidia.';
    expect(findMentions(matcher, text, { force: true }).map((m) => m.alias)).toEqual(['Nvidia']);
  });
});

describe('page evidence as blocks come and go', () => {
  const block = (text: string) => scanBlock(matcher, text);
  /** The verdict on a page of this one block. */
  const verdictOn = (text: string) => {
    const evidence = createEvidence();
    evidence.add(block(text));
    return evidence.verdict();
  };
  it('counts topic words when one to three names need them, and forgets blocks that leave', () => {
    const evidence = createEvidence();
    const name = block('Nvidia shipped.');
    const topics = block('AI models, AI chips, cloud software and AI startups.');
    evidence.add(name);
    expect(evidence.verdict().relevant).toBe(false);
    evidence.add(topics);
    expect(evidence.verdict().relevant).toBe(true);
    evidence.add(topics, -1);
    expect(evidence.verdict().relevant).toBe(false);
  });
  it('takes four names as AI news whatever the words, and nothing without a name', () => {
    const evidence = createEvidence();
    const words = block('AI models, AI chips, cloud software and AI startups.');
    evidence.add(words);
    expect(evidence.verdict()).toEqual({ relevant: false, entities: 0 });
    const names = block('Nvidia, Anthropic, Microsoft and OpenAI met.');
    evidence.add(names);
    expect(evidence.verdict()).toEqual({ relevant: true, entities: 4 });
    evidence.add(words, -1);
    evidence.add(names, -1);
    evidence.add(block('Nvidia and AI models, AI chips and AI startups.'));
    expect(evidence.verdict()).toEqual({ relevant: true, entities: 1 });
  });
  it('takes robotics news as AI news: humanoid robots are the industry’s story too', () => {
    for (const text of [
      'Nvidia showed humanoid robots on stage: robotics makers will build its robots for factories.',
      'Nvidia 展示人形机器人，机器人出货量将增长，机器人工厂扩产，具身智能正热。',
      'Nvidia はヒューマノイドロボットを発表し、ロボットの出荷とロボット工場を増やす。',
    ])
      expect(verdictOn(text).relevant).toBe(true);
  });
  it('takes a page on deepfake rules as AI news', () => {
    // Real news (en-v1103): India's IT ministry and its IT Rules on deepfakes, two names and one "AI".
    for (const text of [
      'The CMA and OpenAI discussed deepfakes: platforms must label AI-generated content.',
      'CMA 与 OpenAI 讨论深度伪造与 AI 生成内容。',
      'CMA と OpenAI はディープフェイクと AI 生成コンテンツを論じた。',
      'CMA 와 OpenAI 는 딥페이크와 AI 생성 콘텐츠를 논의했다.',
    ])
      expect(verdictOn(text)).toEqual({ relevant: true, entities: 2 });
  });
  it('takes a page that names only an ambiguous name as AI news when its sentence and words say so', () => {
    // Real news (en-x1302): CNN's suit against Perplexity named no other entity, so nothing lit.
    const suit =
      'CNN sued the AI shopping company Amazon in New York. Amazon said its AI answers cite sources; AI firms watch the AI case.';
    expect(verdictOn(suit)).toEqual({ relevant: true, entities: 0 });
    expect(findMentions(matcher, suit).map((m) => m.alias)).toEqual(['Amazon', 'Amazon']);
    // Fewer words, or a name whose sentence has no cue, is not enough.
    expect(verdictOn('CNN sued the AI shopping company Amazon in New York.').relevant).toBe(false);
    expect(verdictOn('The Amazon river floods. AI models, AI chips and AI startups.').relevant).toBe(false);
  });
  it('counts "model" in other languages as a topic word, as in English', () => {
    for (const text of [
      // Real news (fr-w1209): "Son modèle Claude" went unlit, "modèle" being no cue.
      'Nvidia : le dernier modèle d’IA, un modèle ouvert ; les modèles et l’IA.',
      'Nvidia: el último modelo de IA, un modelo abierto; los modelos y la IA.',
      'Nvidia: das neueste KI-Modell, ein offenes Modell; die Modelle und die KI.',
      'Nvidia の最新 AI モデルへのアクセスを制限し、AI 規制とモデルの輸出に AI の影響。',
      'Nvidia 최신 AI 모델 접근 제한, AI 규제와 모델 수출에 AI 영향.',
      'Nvidia 最新 AI 模型访问受限，AI 监管与模型出口受 AI 影响。',
    ])
      expect(verdictOn(text)).toEqual({ relevant: true, entities: 1 });
  });
});

describe('sentenceAround', () => {
  const around = (text: string, name: string) => {
    const start = text.indexOf(name);
    const [from, to] = sentenceAround(text, start, start + name.length);
    return text.slice(from, to);
  };
  it('runs from the last sentence end before a name to the first after it', () => {
    expect(around('It rained. Amazon shipped chips! Then it stopped.', 'Amazon')).toBe('Amazon shipped chips!');
    expect(around('He said “no.” Amazon agreed. More.', 'Amazon')).toBe('Amazon agreed.');
  });
  it('does not end a sentence inside a number or an abbreviation without a space', () => {
    expect(around('Version 3.5 of Gemini ships today. Next.', 'Gemini')).toBe('Version 3.5 of Gemini ships today.');
    expect(around('Gemini', 'Gemini')).toBe('Gemini');
  });
  it('starts after the sentence before, past a stop inside a number', () => {
    expect(around('Tides are out. Version 3.5 of Gemini ships today.', 'Gemini')).toBe(
      'Version 3.5 of Gemini ships today.',
    );
    // No sentence end before it: the sentence starts at the text's start.
    expect(around('.Version 3.5 of Gemini ships.', 'Gemini')).toBe('.Version 3.5 of Gemini ships.');
  });
});

describe('the table as lines (what the content script ships)', () => {
  it('leaves out an alias that only lengthens another of its entity’s, unless its tail is a name', () => {
    const entity = (id: string, aliases: string[], ambiguousAliases: string[] = []) =>
      ({
        id,
        name: id,
        category: 'company',
        aliases,
        ambiguousAliases,
        summary: '',
        facts: [],
      }) as unknown as Parameters<typeof toNameIndex>[0][number];
    const [acme] = toNameIndex([
      entity('acme', ['Acme', 'Acme Inc.', 'Acme Group', 'Acme Lambda', 'AcmeSoft']),
      entity('lambda', [], ['Lambda']),
    ]);
    // "Acme Inc." and "Acme Group" light "Acme" just the same; "Lambda" must not light on its own
    // inside "Acme Lambda"; "AcmeSoft" does not start with "Acme" and a word boundary.
    expect(acme?.aliases).toEqual(['Acme', 'Acme Lambda', 'AcmeSoft', 'Acmesoft']);
  });

  it('finds with two joined parts what one table finds, where they share first letters', () => {
    const index = [
      { id: 'sk', name: 'SK', category: 'company' as const, aliases: ['SK Group', 'SK그룹'], ambiguous: ['SK'] },
      {
        id: 'hynix',
        name: 'SK hynix',
        category: 'company' as const,
        aliases: ['SK hynix', 'SK하이닉스'],
        ambiguous: [],
      },
      { id: 'nvidia', name: 'Nvidia', category: 'company' as const, aliases: ['Nvidia', '英伟达'], ambiguous: [] },
    ];
    const cjk = (a: string) => /[\u3040-\u9fff\uac00-\ud7af]/.test(a);
    const part = (keep: (a: string) => boolean) =>
      index.map((e) => ({ ...e, aliases: e.aliases.filter(keep), ambiguous: e.ambiguous.filter(keep) }));
    const joined = joinTable(
      tableFromLines(
        tableToLines(
          extendTable(
            {},
            part((a) => !cjk(a)),
          ),
        ),
      ),
      tableFromLines(tableToLines(extendTable({}, part(cjk)))),
    );
    const text = 'SK그룹과 SK하이닉스, 英伟达; SK Group, SK hynix and Nvidia.';
    const whole = compileMatcher(index).scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual([
      'SK그룹',
      'SK하이닉스',
      '英伟达',
      'SK Group',
      'SK hynix',
      'Nvidia',
    ]);
    expect(compileMatcher(index, joined).scan(text)).toEqual(whole);
  });

  // Deep equality over the whole table: seconds on a busy two-core machine, so no 5 s limit.
  it('reads back exactly the table it was written from, for the whole knowledge', () => {
    const table = extendTable({}, toNameIndex(loadKnowledge().entities));
    expect(tableFromLines(tableToLines(table))).toEqual(table);
  }, 60_000);
});
