// Names in the forms today's news writes them, in any language, with the bundled knowledge.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge-load';
import { toNameIndex } from '../../src/knowledge/name-index';
import { compileMatcher, findMentions, scanBlock } from '../../src/match';

const matcher = compileMatcher(toNameIndex(loadKnowledge().entities));
/** A paragraph that makes any page with a name AI news: the tests below are about names, not relevance. */
const NEWS = '\n\nArtificial intelligence models need chips, data centres and cloud compute.';
/** What a reader would see highlighted in `text` on an AI news page: [the text, its entity]. */
const found = (text: string) =>
  findMentions(matcher, text + NEWS)
    .filter((m) => m.start < text.length)
    .map((m) => [text.slice(m.start, m.end), m.entityId]);
const ids = (text: string) => found(text).map(([, id]) => id);

describe('generations of a known family', () => {
  it('resolve to the generation when the knowledge has it, else to the family with the generation named', () => {
    expect(found('Microsoft unveiled Maia 200 for Azure, its AI chip.')).toContainEqual(['Maia 200', 'maia-200']);
    const [gaudi4] = scanBlock(matcher, 'Intel said Gaudi 4 would follow its Gaudi 3 AI chips.').candidates.filter(
      (c) => c.alias.startsWith('Gaudi 4'),
    );
    expect(gaudi4).toMatchObject({ entityId: 'gaudi', generation: 'Gaudi 4' });
    expect(found('Google showed TPU v9 to its cloud customers, an AI chip.')).toContainEqual(['TPU v9', 'google-tpu']);
    // Genie 3 has its own card; Genie 4, which the knowledge has not, is the Genie line's.
    expect(found('Google DeepMind showed Genie 4, an AI world model, after Genie 3.')).toEqual([
      ['Google DeepMind', 'google-deepmind'],
      ['Genie 4', 'genie'],
      ['Genie 3', 'genie-3'],
    ]);
  });
  it('resolve a generation written after its maker (“Meta Llama 4”) as the generation, not the family', () => {
    // Real news (en-n54): "Meta Llama 4" was lit as the Llama family, whose names include "Meta Llama".
    expect(
      found('Meta Llama 4 trails Google Gemini 2.5, OpenAI GPT-5.5 and Anthropic Claude Opus 4.8 on AI benchmarks.'),
    ).toEqual([
      ['Meta Llama 4', 'llama-4'],
      ['Google Gemini 2.5', 'gemini-2-5'],
      ['OpenAI GPT-5.5', 'gpt-5-5'],
      ['Anthropic Claude Opus 4.8', 'claude-opus-4-8'],
    ]);
    // A generation the knowledge has no card for stays the family's, with the generation named.
    expect(found('Meta Llama 7 is not out; Meta trains AI models.')).toContainEqual(['Meta Llama 7', 'llama']);
  });
  it('give a point release the knowledge lacks (“GLM-5.2”) to its generation, named on the card', () => {
    // Real news (en-v1104): "GLM-5.2" was lit as the GLM family, though the knowledge has GLM-5.
    const [glm] = scanBlock(matcher, 'Zhipu released GLM-5.2, an open AI model.').candidates.filter(
      (c) => c.entityId !== 'zhipu-ai',
    );
    expect(glm).toMatchObject({ alias: 'GLM-5.2', entityId: 'glm-5', generation: 'GLM-5.2' });
    expect(found('Google moved Gemini 4.2 into its AI apps.')).toContainEqual(['Gemini 4.2', 'gemini-4']);
    // Where the generation's point releases have cards of their own, one it lacks is the family's:
    // "Opus 4.9" would follow Opus 4.8, not belong to Opus 4.
    expect(found('Anthropic may ship Claude Opus 4.9, an AI model.')).toContainEqual(['Claude Opus 4.9', 'claude']);
    expect(found('Alibaba released Qwen 3.7, an AI model.')).toContainEqual(['Qwen 3.7', 'qwen']);
  });
});

describe('people', () => {
  it('lights a person’s whole name, not a shorter form of it with the rest left over', () => {
    expect(found('President Xi Jinping met Sir Keir Starmer and Pony Ma Huateng about AI chips.')).toEqual([
      ['President Xi Jinping', 'xi-jinping'],
      ['Sir Keir Starmer', 'keir-starmer'],
      ['Pony Ma Huateng', 'pony-ma'],
    ]);
  });
});

describe('plurals', () => {
  it('reads "Trainium3 chips" as Trainium3, though the knowledge lists "Trainium3 chip"', () => {
    expect(found('AWS packs 144 Trainium3 chips into one AI system.')).toEqual([
      ['AWS', 'aws'],
      ['Trainium3', 'trainium3'],
    ]);
  });
});

describe('short names a page earns', () => {
  it('reads a surname after the full name, possessive too, and not before it', () => {
    const text =
      'Amodei warned early.\n\nDario Amodei, who runs Anthropic, spoke on AI.\n\nAmodei said Claude would grow. Amodei’s view won.';
    expect(found(text).filter(([, id]) => id === 'dario-amodei')).toEqual([
      ['Dario Amodei', 'dario-amodei'],
      ['Amodei', 'dario-amodei'],
      ['Amodei', 'dario-amodei'],
    ]);
  });
  it('reads a family name written first in a Chinese name, a surname with a capital inside, and a model’s version', () => {
    expect(ids('Unitree founder Wang Xingxing spoke. Wang said robots sell.')).toEqual([
      'unitree',
      'wang-xingxing',
      'wang-xingxing',
    ]);
    expect(found('Yann LeCun left Meta. LeCun said so.').map(([t]) => t)).toEqual(['Yann LeCun', 'Meta', 'LeCun']);
    expect(found('DeepSeek V4 is out, and V4 runs on Ascend chips.')).toContainEqual(['V4', 'deepseek-v4']);
  });
  it('gives a name two entities share to the one whose full name the page wrote (“Japan AISI”, “ChatGPT Atlas”)', () => {
    // Real news (en-u1005): a UK page's "AISI" was lit as Japan's institute, the first to list it.
    expect(found('The UK AISI tests models. AISI can require testing, said the AI Security Institute.')).toEqual([
      ['UK AISI', 'uk-aisi'],
      ['AISI', 'uk-aisi'],
      ['AI Security Institute', 'uk-aisi'],
    ]);
    // Named alone, "AISI" is the UK's, which English news means by it.
    expect(found('Anthropic let AISI test its AI model before launch.')).toContainEqual(['AISI', 'uk-aisi']);
    expect(found('Japan AISI published a guide. AISI staff will double, the ministry said.')).toEqual([
      ['Japan AISI', 'japan-aisi'],
      ['AISI', 'japan-aisi'],
    ]);
    expect(found('OpenAI launched ChatGPT Atlas, its browser. Atlas runs agents in AI tabs.')).toEqual([
      ['OpenAI', 'openai'],
      ['ChatGPT Atlas', 'chatgpt-atlas'],
      ['Atlas', 'chatgpt-atlas'],
    ]);
    expect(ids('Boston Dynamics showed Atlas, its humanoid robot, at CES. Atlas walks with AI.')).toEqual([
      'boston-dynamics',
      'boston-dynamics-atlas',
      'boston-dynamics-atlas',
    ]);
    // A longer end than the last word: Korea's commission, not Japan's, the first to list the name.
    expect(
      ids('The Korea Fair Trade Commission fined Google over AI. The Fair Trade Commission said Google must change.'),
    ).toEqual(['korea-ftc', 'google', 'korea-ftc', 'google']);
    // The latest full name wins.
    expect(
      ids('OpenAI’s ChatGPT Atlas browses. Boston Dynamics Atlas walks with AI; Atlas lifts boxes.').slice(-2),
    ).toEqual(['boston-dynamics-atlas', 'boston-dynamics-atlas']);
  });
  it('reads a short name the page defines in brackets as the full name’s, though it is another entity’s name', () => {
    // Real news (ko-x1312): "LG AI연구원(LG)과 SK텔레콤(SK)" named the teams; "LG" and "SK" went to the groups.
    expect(
      found('업스테이지는 LG AI연구원(LG)과 SK텔레콤(SK) 등 대기업 사이에 있다. LG·SK·업스테이지 1차 통과.'),
    ).toEqual([
      ['업스테이지', 'upstage'],
      ['LG AI연구원', 'lg-ai-research'],
      ['LG', 'lg-ai-research'],
      ['SK텔레콤', 'sk-telecom'],
      ['SK', 'sk-telecom'],
      ['LG', 'lg-ai-research'],
      ['SK', 'sk-telecom'],
      ['업스테이지', 'upstage'],
    ]);
    // Without the brackets, "LG" stays the group's electronics maker.
    expect(ids('LG AI Research released EXAONE. LG shares rose.')).toContain('lg-electronics');
  });
  it('reads a model’s name without its maker’s after the full name, and a task force’s short name', () => {
    // Real news (en-t902, en-t905): "Medium 3.5" after "Mistral Medium 3.5"; "the Task Force" after its full name.
    const text = 'Mistral released Mistral Medium 3.5 on Tuesday, an open-weight AI model. Medium 3.5 beats Sonnet.';
    expect(found(text).filter(([, id]) => id === 'mistral-medium')).toEqual([
      ['Mistral Medium 3.5', 'mistral-medium'],
      ['Medium 3.5', 'mistral-medium'],
    ]);
    expect(ids('Medium 3.5 beats the rest, said Mistral AI.')).toEqual(['mistral-ai']);
    expect(
      found(
        'Trump created an AI Litigation Task Force. Pam Bondi formalized the Task Force on January 9, 2026.',
      ).filter(([, id]) => id === 'ai-litigation-task-force'),
    ).toEqual([
      ['AI Litigation Task Force', 'ai-litigation-task-force'],
      ['Task Force', 'ai-litigation-task-force'],
    ]);
  });
  it('reads a bare version, once the page has named its maker, as the model the knowledge names for both', () => {
    // Real news: "The company said its G1 robots…" (en-p05); "新一代V4模型…R1模型" (zh-n60).
    expect(found('G1 robots are cheap. Unitree shipped 5,500 robots; its G1 robots danced.')).toEqual([
      ['Unitree', 'unitree'],
      ['G1', 'unitree-g1'],
    ]);
    expect(found('DeepSeek发布了新一代V4模型，继R1模型之后。')).toEqual([
      ['DeepSeek', 'deepseek'],
      ['V4', 'deepseek-v4'],
      ['R1', 'deepseek-r1'],
    ]);
    // A tier after the version is the version's when the knowledge has no name for it (zh-n60).
    expect(found('V4延续了DeepSeek的开源传统，分为V4-Pro和更经济的V4-Flash。')).toEqual([
      ['DeepSeek', 'deepseek'],
      ['V4-Pro', 'deepseek-v4'],
      ['V4-Flash', 'deepseek-v4'],
    ]);
    // A version the maker has no model for, or a version-like word glued to others, stays unlit.
    expect(ids('DeepSeek plans a V9 model; its V4-era rival R1X and GPU-R1 are not models.')).toEqual(['deepseek']);
    expect(ids('DeepSeek plans a V9-Pro model; its V4-Prof and V4-Pro-era are not models.')).toEqual(['deepseek']);
    expect(found('DeepSeek said its R1 beat OpenAI’s o1.')).toContainEqual(['R1', 'deepseek-r1']);
    // A version the page also wrote after its model's full name is lit once.
    expect(found('DeepSeek released DeepSeek V4; V4 runs on Ascend.')).toEqual([
      ['DeepSeek', 'deepseek'],
      ['DeepSeek V4', 'deepseek-v4'],
      ['V4', 'deepseek-v4'],
      ['Ascend', 'huawei-ascend'],
    ]);
  });
  it('reads a version after its maker’s possessive as the model the knowledge names for both', () => {
    // Real news (en-p02): "DeepSeek's R1 model"; the knowledge lists "DeepSeek R1".
    expect(found("The market shock followed DeepSeek’s R1 model, and now DeepSeek's V4.")).toEqual([
      ['DeepSeek', 'deepseek'],
      ['R1', 'deepseek-r1'],
      ['DeepSeek', 'deepseek'],
      ['V4', 'deepseek-v4'],
    ]);
    // A version the maker has no model for stays unlit, and so does one after anyone else's name.
    expect(ids('DeepSeek’s Q9 model and Nvidia’s R1 plan were AI news.')).toEqual(['deepseek', 'nvidia']);
    // A version that is a name of its own is lit once.
    expect(found('Nvidia’s H20 chips sold.')).toEqual([
      ['Nvidia', 'nvidia'],
      ['H20', 'nvidia-h20'],
    ]);
  });
  it('reads “Stability” as Stability AI on an AI page, but not inside another body’s name', () => {
    // Real news (en-p09): "used to train Stability’s Stable Diffusion AI".
    expect(found('Getty sued Stability AI in London. Images trained Stability’s Stable Diffusion AI.')).toContainEqual([
      'Stability',
      'stability-ai',
    ]);
    expect(ids('The Financial Stability Board warned about AI chips from Nvidia.')).toEqual(['nvidia']);
    expect(ids('Nvidia’s AI chips worried the Stability Board.')).toEqual(['nvidia']);
    // After a capitalised word in mid-sentence, with no institution word after it.
    expect(ids('Regulators read the Global Stability review of AI chips from Nvidia.')).toEqual(['nvidia']);
  });
  it('reads an acronym the page defines in brackets after a full name as that name', () => {
    // Real news (nl-01): "De Autoriteit Persoonsgegevens (AP) … waarschuwt de AP."
    const text =
      'De Autoriteit Persoonsgegevens (AP) maakt zich zorgen over AI-training door Meta. Dat waarschuwt de AP, en AP-vicevoorzitter Verdier ook.';
    expect(found(text).filter(([, id]) => id === 'dutch-ap')).toEqual([
      ['Autoriteit Persoonsgegevens', 'dutch-ap'],
      ['AP', 'dutch-ap'],
      ['AP', 'dutch-ap'],
    ]);
    // Without the definition, AP is anyone's (the news agency).
    expect(ids('AP reported that OpenAI trains AI models. The AP said so.')).toEqual(['openai']);
    // Brackets that are not the name's initials define nothing (real news, en-n09: every "AI" on
    // the page lit as the UN panel), nor do country codes after labs.
    expect(
      ids(
        'The Independent International Scientific Panel on Artificial Intelligence (AI) met.\n\nAI chips and AI models.',
      ),
    ).toEqual(['un-ai-scientific-panel']);
    expect(
      found('Labs such as OpenAI (US) and DeepSeek (CN) train AI models.\n\nThe US and CN regulate AI chips.'),
    ).toEqual([
      ['OpenAI', 'openai'],
      ['DeepSeek', 'deepseek'],
    ]);
  });
  it('reads a brand’s ordinary-word name as the brand once the page names one of its products', () => {
    // Real news (en-n54, en-q05): a page that names "Mistral Medium 3.5" or "Claude Code" means
    // the company and the model family by a bare "Mistral" or "Claude" with no cue beside it.
    const text =
      'Mistral Medium 3.5 from Europe scores 77.6 on SWE-bench.\n\nMistral filled the European slot.\n\nClaude Code drives revenue.\n\nThe foundation will apply Claude to global health.';
    expect(found(text).map(([t, id]) => `${t}=${id}`)).toEqual([
      'Mistral Medium 3.5=mistral-medium',
      'Mistral=mistral-ai',
      'Claude Code=claude-code',
      'Claude=claude',
    ]);
    // Without such a product, the bare word needs its usual cue.
    expect(ids('Nvidia sold AI chips to OpenAI.\n\nMistral filled the European slot.')).toEqual(['nvidia', 'openai']);
  });
  it('reads “X” as X Corp only where the page says a post was made on it', () => {
    // Real news (en-z1503, en-w1201, en-x1301 and three more): "In a post on X", "Pritzker posted
    // on X", "posted the announcement to X" went unlit; "Model X" and "Digi Power X" must stay so.
    expect(found('In a post on X, the Minister said AI was growing.')).toEqual([['X', 'x-corp']]);
    expect(found('Arthur Mensch posted the announcement to X on June 18.')).toEqual([
      ['Arthur Mensch', 'arthur-mensch'],
      ['X', 'x-corp'],
    ]);
    expect(ids('Musk wrote on X that Tesla would stop making the Model X to build Optimus robots.')).toEqual([
      'elon-musk',
      'x-corp',
      'tesla',
      'tesla-optimus',
    ]);
    expect(ids('Digi Power X signed with Cerebras. The X-ray of AI chips, and Project X.')).toEqual(['cerebras']);
  });
  it('reads “the Commission” as the body the page named in full, only after “the” or opening a headline', () => {
    const text =
      'The European Commission can fine AI model makers from August.\n\nFrom then the Commission’s AI Office may ask for documents, and the Commission can order a model withdrawn. A commission of experts advises; Commission staff wrote the guidance.\n\nCommission challenges Meta’s access policy';
    expect(found(text).filter(([, id]) => id === 'european-commission')).toEqual([
      ['European Commission', 'european-commission'],
      ['Commission', 'european-commission'],
      ['Commission', 'european-commission'],
      ['Commission', 'european-commission'],
    ]);
  });
  it('reads “the Act” as the one Act the page named in full', () => {
    // Real news (en-w1206): "the Act's Annex III" after "the AI Act" went unlit.
    expect(
      found(
        'The EU AI Act applies from August. Under the Act, AI model makers must report; the Act’s fines are large.',
      ),
    ).toEqual([
      ['EU AI Act', 'eu-ai-act'],
      ['Act', 'eu-ai-act'],
      ['Act', 'eu-ai-act'],
    ]);
    // Not without "the", and not once the page has named two Acts: "the Act" could be either.
    expect(ids('The EU AI Act rules AI models. Act now, said OpenAI; an Act of Parliament followed.')).toEqual([
      'eu-ai-act',
      'openai',
    ]);
    expect(ids('The CHIPS Act funds fabs and the EU AI Act rules AI models. Under the Act, AI firms report.')).toEqual([
      'chips-and-science-act',
      'eu-ai-act',
    ]);
  });
  it('reads “la Commission” as the body a French page named in full, not another body’s name', () => {
    // Real news (fr-n97): "La Commission européenne n'a…", then "la Commission intègre…".
    const text =
      "La Commission européenne n'a pas publié ses lignes directrices sur l'IA pour OpenAI.\n\nSelon certains rapports, la Commission intègre les retours d'OpenAI, comme l'a noté la Commission de régulation de l'énergie. Une commission d'experts conseille.";
    expect(found(text).filter(([, id]) => id === 'european-commission')).toEqual([
      ['Commission européenne', 'european-commission'],
      ['Commission', 'european-commission'],
    ]);
    // Not before the full name, and not without an article.
    expect(ids("Selon la Commission, OpenAI et l'IA ; la Commission européenne. Une Commission et Nvidia.")).toEqual([
      'openai',
      'european-commission',
      'nvidia',
    ]);
  });
  it('reads “Apple” opening a sentence about AI as the company, as the rest of the page then does', () => {
    const text =
      'Apple is warning that the AI boom is reaching consumers. The warning matters because Apple sits at the centre of the device market. Samsung Electronics raised memory prices.';
    expect(found(text)).toEqual([
      ['Apple', 'apple'],
      ['Apple', 'apple'],
      ['Samsung Electronics', 'samsung-electronics'],
    ]);
  });
  it('reads a capital after a colon as a name, not as the start of a sentence', () => {
    // English does not capitalise after a colon: "Meta" there is the company.
    const text = 'Open-weight AI had a clear structure: Meta’s Llama led, and Alibaba’s Qwen followed.';
    expect(found(text)).toContainEqual(['Meta', 'meta']);
  });
  it('does not read an ordinary word with an “s” before a capital as a German genitive in an English headline', () => {
    // "Snaps Up" is a verb in a title-case headline, not Snap's; the page names Snap nowhere else.
    const text =
      'Qualcomm and Nvidia sell AI chips.\n\nEXLService Snaps Up iMerit for $310 Million to Boost Enterprise AI';
    expect(ids(text)).toEqual(['qualcomm', 'nvidia']);
  });
  it('does not read an ordinary word opening a sentence as an adverb for a name ("Together, they…")', () => {
    const text = 'Groq and Together AI serve Llama models to AI developers. Together, they cut prices.';
    expect(found(text)).not.toContainEqual(['Together', 'together-ai']);
    expect(ids(text)).toContain('together-ai');
  });
  it('does not read an ordinary word opening a list item as a name (“• Scale of the build-out”)', () => {
    // Real news (en-r709): a briefing's bullet points; Scale AI is named nowhere on the page.
    const item =
      'Scale of the build-out is getting clearer: Moody’s projects $3 trillion of investment in AI data centers, and Google and BlackRock fund AI infrastructure.';
    for (const bullet of ['• ', '▪ ', '•']) {
      const lit = ids(`Nvidia sells AI chips to data centres.\n\n${bullet}${item}`);
      expect(lit).not.toContain('scale-ai');
      expect(lit).toContain('blackrock');
    }
    // A dash is not a bullet: "A third — Perplexity, the AI-search upstart" (en-q04).
    expect(ids('OpenAI and Anthropic filed to list. A third — Perplexity, the AI-search upstart — waits.')).toContain(
      'perplexity',
    );
    expect(ids('Nvidia and Scale AI sign an AI data deal. • Scale AI labels data.')).toEqual([
      'nvidia',
      'scale-ai',
      'scale-ai',
    ]);
  });
});

describe('casing and invisible characters', () => {
  it('finds a name with one capital where the knowledge writes two, and names in a headline in capitals', () => {
    expect(ids('Deepmind and OpenAI released new AI models.')).toEqual(['google-deepmind', 'openai']);
    expect(ids('NVIDIA AND ANTHROPIC SIGN AI CHIP DEAL WITH MICROSOFT')).toEqual(['nvidia', 'anthropic', 'microsoft']);
  });
  it('finds a name whose later words the knowledge writes in lower case, in a headline in title case', () => {
    // Real news (en-t908): "Boston Dynamics Unveils Atlas Humanoid Robot", where the knowledge has "Atlas humanoid".
    expect(found("Boston Dynamics Unveils Atlas Humanoid Robot to Take On Tesla's Optimus")).toContainEqual([
      'Atlas Humanoid',
      'boston-dynamics-atlas',
    ]);
    expect(found('AMD Ships Its Helios Rack to Oracle')).toContainEqual(['Helios Rack', 'amd-helios']);
  });
  it('finds a name of several words that the page glued to the word before it, but not one word', () => {
    // Real news (en-z1503, en-z1504): markup that lost a space wrote "TechnologyAshwini Vaishnaw"
    // and "Tesla'sOptimus robots"; neither name, nor "Vaishnaw" after it, was lit.
    expect(
      found('The Minister of Electronics and Information TechnologyAshwini Vaishnaw said Vaishnaw would speak.'),
    ).toEqual([
      ['Ashwini Vaishnaw', 'ashwini-vaishnaw'],
      ['Vaishnaw', 'ashwini-vaishnaw'],
    ]);
    expect(ids("While Tesla'sOptimus robots remain in tests, AI moves on.")).toEqual(['tesla', 'tesla-optimus']);
    // One word with a capital inside is a word of its own: "SuperGrok" is not Grok, "OpenCodex" not Codex.
    expect(ids('Subscribers to SuperGrok and the OpenCodex AI tool.')).toEqual([]);
    // A name found already keeps its place: "ChatGPT 5.6" is not "GPT 5" glued after "Chat".
    expect(ids('OpenAI shipped ChatGPT 5.6 to users.')).toEqual(['openai', 'gpt-5-6']);
  });
  it('reads through soft hyphens and zero-width spaces, with offsets in the page’s own text', () => {
    const text = 'An\u00adthropic trains AI models on Nvi\u200bdia chips.';
    expect(found(text)).toEqual([
      ['An\u00adthropic', 'anthropic'],
      ['Nvi\u200bdia', 'nvidia'],
    ]);
  });
  it('reads full-width Latin letters and digits as their usual selves, with the page’s own text highlighted', () => {
    // Japanese papers write Latin names in full-width letters: チャットＧＰＴ, ＮＶＩＤＩＡ.
    expect(found('オープンＡＩはチャットＧＰＴを更新し、ＮＶＩＤＩＡのＨ２００を使う。')).toEqual([
      ['オープンＡＩ', 'openai'],
      ['チャットＧＰＴ', 'chatgpt'],
      ['ＮＶＩＤＩＡ', 'nvidia'],
      ['Ｈ２００', 'nvidia-h200'],
    ]);
  });
  it('reads a non-breaking hyphen as a hyphen: “GPT\u20115.6” is GPT-5.6, not the GPT family', () => {
    // Real news (en-r704) copied from OpenAI's pages, which write U+2011 inside model names.
    expect(
      found('OpenAI released GPT\u20115.6 and GPT\u2011Live this week; Mistral shipped Le\u2010Chat updates.'),
    ).toEqual([
      ['OpenAI', 'openai'],
      ['GPT\u20115.6', 'gpt-5-6'],
      ['GPT\u2011Live', 'gpt-live'],
      ['Mistral', 'mistral-ai'],
      ['Le\u2010Chat', 'le-chat'],
    ]);
  });
});

describe('any language', () => {
  it('reads the German Commission and AI Act: “die EU-Kommission”, “des KI-Gesetzes”, then “die Kommission”', () => {
    // Real news (de-u1011): none of the three was lit.
    const text =
      'Die EU-Kommission will Fristen des KI-Gesetzes verschieben. Doch jetzt will die Kommission die Uhr anhalten.';
    expect(found(text)).toEqual([
      ['EU-Kommission', 'european-commission'],
      ['KI-Gesetzes', 'eu-ai-act'],
      ['Kommission', 'european-commission'],
    ]);
    // A "Kommission" the page never named in full is anyone's.
    expect(ids('Die Kommission für Jugendschutz prüft KI-Apps.')).toEqual([]);
  });
  it('reads Japanese firms’ own language models as their makers’: NEC「cotomi v3」', () => {
    // Real news (ja-u1014): the Digital Agency's list of domestic models lit Fujitsu but not NEC.
    expect(found('NEC「cotomi v3」、富士通「Takane 32B」、ソフトバンク「Sarashina2 mini」')).toEqual([
      ['NEC', 'nec'],
      ['cotomi', 'nec'],
      ['富士通', 'fujitsu'],
      ['Takane 32B', 'fujitsu'],
      ['ソフトバンク', 'softbank'],
      ['Sarashina2', 'softbank-corp'],
    ]);
  });
  it('reads German and Spanish forms of names: “der Deutschen Telekom”, “el Pentágono”', () => {
    // Real news (de-q14): a list of investors that only the full name confirms.
    expect(ids('Beteiligt waren die Venture-Arme von Samsung und der Deutschen Telekom.')).toEqual([
      'samsung-electronics',
      'deutsche-telekom',
    ]);
    // Real news (es-q15).
    expect(ids('El debate se libraba entre OpenAI, Anthropic y el Pentágono.')).toEqual([
      'openai',
      'anthropic',
      'us-department-of-defense',
    ]);
  });
  it('finds names right beside Chinese, Japanese and Korean characters', () => {
    expect(ids('英伟达发布了新的AI芯片，OpenAI和Anthropic也在使用。')).toEqual(['nvidia', 'openai', 'anthropic']);
    expect(ids('ソフトバンクはOpenAIに出資し、Nvidiaの半導体を買う。')).toEqual(['softbank', 'openai', 'nvidia']);
    expect(ids('삼성전자는 Nvidia에 HBM을 공급하고 OpenAI와 협력한다.')).toEqual([
      'samsung-electronics',
      'nvidia',
      'openai',
    ]);
  });
  it('reads a model name written with hyphens for spaces, as Chinese pages write them', () => {
    expect(found('DeepSeek-V4超过了Claude-Opus-4.6和Gemini-2.5-Pro，也超过了Gemini-3.1-Pro。')).toEqual([
      ['DeepSeek-V4', 'deepseek-v4'],
      ['Claude-Opus-4.6', 'claude-opus-4-6'],
      ['Gemini-2.5', 'gemini-2-5'],
      // The table keeps the shortest alias of a name: "Gemini 3.1" lights inside "Gemini 3.1 Pro".
      ['Gemini-3.1', 'gemini-3'],
    ]);
  });
  it('ends a Chinese or Japanese name where the Latin letters of a model number begin', () => {
    // 宇树B2 is Unitree's B2 robot (which has no card of its own); 英伟达H20 Nvidia's H20. 宇树G1,
    // the G1 robot, has its own card.
    expect(found('宇树B2机器人登顶，英伟达H20芯片在AI数据中心里，宇树G1也在。')).toEqual([
      ['宇树', 'unitree'],
      ['英伟达', 'nvidia'],
      ['H20', 'nvidia-h20'],
      ['宇树G1', 'unitree-g1'],
    ]);
  });
  it('reads names in Traditional Chinese (Taiwan, Hong Kong) as the knowledge’s Simplified ones', () => {
    // The knowledge writes 寒武纪 and 长鑫存储; Taiwanese and Hong Kong pages write 寒武紀 and 長鑫存儲.
    expect(found('晶片股中，寒武紀與長鑫存儲的AI晶片出貨大增。')).toEqual([
      ['寒武紀', 'cambricon'],
      ['長鑫存儲', 'cxmt'],
    ]);
    // Written character by character (昆侖芯, Hong Kong) as well as by OpenCC's phrases (崑崙芯).
    expect(found('昆侖芯與崑崙芯都是昆仑芯的AI晶片。')).toEqual([
      ['昆侖芯', 'kunlunxin'],
      ['崑崙芯', 'kunlunxin'],
      ['昆仑芯', 'kunlunxin'],
    ]);
  });
  it('leaves an ambiguous katakana name alone inside a longer katakana word', () => {
    // メタバース is "metaverse", トランプカード "playing cards": not Meta, not Trump.
    expect(found('NvidiaとメタはAIモデルでメタバースを語り、トランプカードの話もした。')).toEqual([
      ['Nvidia', 'nvidia'],
      ['メタ', 'meta'],
    ]);
  });
  it('reads a Korean name with its particle, not as the start of a longer word', () => {
    // 애플리케이션 is "application", 메타버스 "metaverse": not Apple, not Meta.
    expect(found('Nvidia와 애플은 AI 애플리케이션과 메타버스, 그리고 메타의 칩을 말했다.')).toEqual([
      ['Nvidia', 'nvidia'],
      ['애플', 'apple'],
      ['메타', 'meta'],
    ]);
  });
  it('takes French, German and Spanish pages about AI as AI news, by their own topic words', () => {
    const fr =
      'La CNIL publie ses recommandations sur l’intelligence artificielle. Les modèles de langage et l’IA générative posent des questions, dit la CNIL, comme les centres de données.';
    expect(findMentions(matcher, fr).map((m) => m.entityId)).toEqual(['cnil', 'cnil']);
    const de = 'Das Bundeskartellamt prüft die künstliche Intelligenz von Google. KI und Halbleiter im Rechenzentrum.';
    expect(findMentions(matcher, de).map((m) => m.entityId)).toEqual(['bundeskartellamt', 'google']);
    const es = 'La inteligencia artificial de Google y Nvidia llega a España con nuevos centros de datos.';
    expect(findMentions(matcher, es).map((m) => m.entityId)).toEqual(['google', 'nvidia']);
    // The same names on a page about something else stay unlit.
    expect(findMentions(matcher, 'La CNIL publie son rapport annuel sur les plaintes des consommateurs.')).toEqual([]);
  });
});

describe('false friends', () => {
  it('leaves an ambiguous acronym alone in a block written in capitals, where case says nothing', () => {
    // French and Italian write "un" (a), and a headline in caps makes it "UN".
    expect(ids('UN NOUVEAU MODÈLE D’IA CHEZ ANTHROPIC\n\nUN ACCORDO CON NVIDIA SUI CHIP IA')).toEqual([
      'anthropic',
      'nvidia',
    ]);
    // In ordinary case the UN is the UN, given a cue.
    expect(ids('The UN said Nvidia’s AI chips need rules.')).toEqual(['united-nations', 'nvidia']);
  });
  it('leaves an acronym that opens another organisation’s name alone', () => {
    expect(ids('FTC Solar shares rose after the FTC sued Microsoft over AI.')).toEqual(['ftc', 'microsoft']);
    expect(ids('FTC Solar Shares Jump as Nvidia Sells AI Chips')).toEqual(['nvidia']);
  });
  it('reads a regulator’s acronym before a verb in a title-case headline (“FTC Sets Standards”)', () => {
    // Real news (en-r702): section titles of an AI news round-up.
    expect(ids('FTC Sets Standards for AI Accuracy and Bias')).toEqual(['ftc']);
    expect(ids('Latest Breaking AI News: FTC Targets AI Bias, Massive Funding Flows, and New Innovations')).toEqual([
      'ftc',
    ]);
    expect(ids('Regulators watch the SEC Proposal Tracker and the FTC.')).toEqual(['ftc']);
  });
  it('leaves the people chips are named after alone', () => {
    const text =
      'Nvidia’s Rubin AI chips follow Blackwell. The platform honours the astronomer Vera Rubin, as Blackwell honours David Blackwell and the next one the physicist Richard Feynman.';
    expect(found(text).map(([t]) => t)).toEqual(['Nvidia', 'Rubin', 'Blackwell', 'Blackwell']);
  });
  it('leaves a regulator’s name alone where it ends another body’s name', () => {
    const text =
      'Singapore’s Personal Data Protection Commission issued guidance on AI chatbots. Ireland’s Data Protection Commission fined Meta over Meta AI, and the Irish Data Protection Commission opened an inquiry into Grok.';
    expect(found(text).filter(([, id]) => id === 'irish-dpc')).toEqual([
      ['Data Protection Commission', 'irish-dpc'],
      ['Irish Data Protection Commission', 'irish-dpc'],
    ]);
  });
  it('leaves another project’s code name alone: “Project Prometheus” is not Meta’s Prometheus', () => {
    const text =
      'Jeff Bezos’s AI start-up Project Prometheus hired researchers from OpenAI. Meta’s Prometheus cluster in Ohio trains its AI models.';
    expect(found(text).filter(([, id]) => id === 'meta-prometheus')).toEqual([
      ['Prometheus cluster', 'meta-prometheus'],
    ]);
    // A code name the knowledge has no entity for: NASA's Project Gemini is not Google's model.
    const nasa =
      'Google’s Gemini AI model writes code. NASA’s Project Gemini flew astronauts before Apollo, AI histories note.';
    expect(found(nasa).filter(([, id]) => id === 'gemini')).toEqual([['Gemini', 'gemini']]);
  });
  it('leaves an ambiguous name alone where it ends another name joined by a hyphen (“SHADE-Arena”)', () => {
    const text =
      'Anthropic tested Claude on SHADE-Arena, a sabotage benchmark. LMArena ranks AI models, and Arena raised money. The Microsoft-Apple AI deal was signed by ex-Meta researchers in AI.';
    expect(found(text).filter(([, id]) => id === 'lmarena' || id === 'apple' || id === 'meta')).toEqual([
      ['LMArena', 'lmarena'],
      ['Arena', 'lmarena'],
      ['Apple', 'apple'],
      ['Meta', 'meta'],
    ]);
  });
  it('leaves a name opening with an ordinary word alone inside a headline’s compound (“Gigawatt-Scale AI”)', () => {
    // Real news (en-u1002): "The Rise of Gigawatt-Scale AI Campuses" names no Scale AI.
    const text = 'The Rise of Gigawatt-Scale AI Campuses. Scale AI labels data, and the Meta-Scale AI deal closed.';
    expect(found(text).filter(([, id]) => id === 'scale-ai' || id === 'meta')).toEqual([
      ['Scale AI', 'scale-ai'],
      ['Meta', 'meta'],
      ['Scale AI', 'scale-ai'],
    ]);
  });
  it('reads another place’s “AI Act” as that place’s law, never the EU’s', () => {
    const states =
      "Colorado’s AI Act takes effect in June. The Texas AI Act is narrower, and the state’s AI Act names no fines. Utah's AI Act covers chatbots. Colorado’s landmark AI Act was replaced; Colorado's original AI Act is gone.";
    expect(ids(states)).not.toContain('eu-ai-act');
    // Where the knowledge has the place's own law ("Colorado AI Act"), its card answers.
    expect(found(states)).toEqual([
      ['AI Act', 'colorado-ai-act'],
      ['AI Act', 'colorado-ai-act'],
      ['AI Act', 'colorado-ai-act'],
    ]);
    const eu =
      'Europe’s AI Act applies from August. The AI Act bans some uses, the EU’s AI Act says, and the bloc’s AI Act is law. The landmark AI Act and the EU’s landmark AI Act agree.';
    expect(ids(eu)).toEqual(['eu-ai-act', 'eu-ai-act', 'eu-ai-act', 'eu-ai-act', 'eu-ai-act', 'eu-ai-act']);
    // "its" gives the law to the place the sentence named last: Colorado's, then the EU's again.
    const pronoun =
      'Colorado passed its AI Act in 2024. Lawmakers in Texas amended their AI Act. Brussels finalised its AI Act in 2024, and the bloc will enforce its AI Act.';
    expect(ids(pronoun)).toEqual(['colorado-ai-act', 'eu-ai-act', 'eu-ai-act']);
    // Headlines in title case capitalise every word before it: "Of" and "The" own no law.
    expect(ids('EU Delays Key Parts Of AI Act\n\nHow The AI Act Will Change Hiring')).toEqual([
      'eu-ai-act',
      'eu-ai-act',
    ]);
  });
});
