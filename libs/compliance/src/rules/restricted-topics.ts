/**
 * Restricted-topic lexicon (domain guide §5.8): each topic expands to synonyms, tickers,
 * products and slang; word-sense guards keep "your options", "a token of thanks" and
 * "silver lining" out. Unknown topics fall back to the topic's own words and inflections.
 */
export interface TopicLexicon {
  topic: string;
  aliases: string[];
  patterns: string[];
}

export const RESTRICTED_TOPIC_LEXICON: TopicLexicon[] = [
  {
    topic: 'cryptocurrency',
    aliases: ['cryptocurrency', 'cryptocurrencies', 'crypto', 'crypto assets', 'crypto-assets', 'digital assets', 'bitcoin', 'digital currency', 'virtual currency'],
    patterns: [
      '\\bcrypto\\w*',
      '\\bbitcoins?\\b',
      '\\bbtc\\b',
      '\\u20BF',
      '\\bether(?:eum)?\\b',
      '\\beth\\b',
      '\\bsolana\\b',
      '\\$sol\\b',
      '\\baltcoins?\\b',
      '\\bmeme ?coins?\\b',
      '\\bstable ?coins?\\b',
      '\\bnfts?\\b',
      '\\bdefi\\b',
      '\\bhodl\\w*',
      '\\bdigital (?:assets?|currenc\\w*|gold)\\b',
      '\\bdogecoin\\b',
      '\\bdoge\\b',
      '\\bxrp\\b',
      '\\bblockchain\\b',
      '\\bcoinbase\\b',
      '\\bweb3\\b',
      '\\bsatoshis?\\b',
      '\\b(?:crypto|digital|utility|governance|meme|new) tokens?\\b',
      '\\btokens?\\b(?= (?:price|prices|sale|launch|presale|holders|economics|rall\\w*|pump\\w*|moon\\w*|airdrop))',
      '\\bibit\\b',
      '\\bgbtc\\b',
    ],
  },
  {
    topic: 'cannabis',
    aliases: ['cannabis', 'marijuana', 'weed', 'pot stocks', 'cannabis stocks', 'hemp'],
    patterns: ['\\bcannabis\\b', '\\bmarijuana\\b', '\\bweed\\b(?! out| through)', '\\bmsos?\\b', '\\bmulti-?state operators?\\b', '\\bdispensar(?:y|ies)\\b', '\\bthc\\b', '\\bcbd\\b', '\\bhemp\\b', '\\bpot (?:stocks?|industry|sector|companies)\\b', '\\b420\\b', '\\bmsos\\b', '\\bcannabis\\w*'],
  },
  {
    topic: 'options trading',
    aliases: ['options trading', 'options', 'option trading', 'trading options', 'options strategies', 'derivatives'],
    patterns: [
      '\\boptions? trad\\w*',
      '\\btrad\\w* options\\b',
      '\\b(?:call|put) options?\\b',
      '\\bcovered calls?\\b',
      '\\bcash[- ]secured puts?\\b',
      '\\b0dte\\b',
      '\\bzero[- ]days?[- ]to[- ]expir\\w*',
      '\\biron condors?\\b',
      '\\bstraddles?\\b',
      '\\bstrangles?\\b',
      '\\bstrike (?:price|prices)\\b',
      '\\bexpir(?:y|ation|ations)\\b(?=[^.!?]{0,40}\\b(?:calls?|puts?|options?|strike|premium)\\b)',
      '\\b(?:buy|buying|bought|sell|selling|sold|writ(?:e|ing)|wrote)\\s+(?:\\w+\\s+)?(?:calls|puts)\\b',
      '\\bcalls and puts\\b',
      '\\bputs and calls\\b',
      '\\boptions? (?:contracts?|strateg\\w*|premiums?|chains?|market|income|expir\\w*|traders?|positions?|plays?|spreads?)\\b',
      '\\bwheel strategy\\b',
      '\\bleaps\\b',
      '\\b(?:vertical|credit|debit|calendar|bull|bear) (?:call |put )?spreads?\\b',
      '\\bprotective puts?\\b',
      '\\bthe greeks\\b',
      '\\b(?:delta|theta|gamma) (?:decay|hedg\\w*|squeeze)\\b',
    ],
  },
  {
    topic: 'leveraged etfs',
    aliases: ['leveraged etfs', 'leveraged etf', 'leveraged and inverse etfs', 'inverse etfs', 'leveraged funds', 'leveraged products', 'leveraged and inverse funds'],
    patterns: [
      '\\bleveraged (?:and inverse )?(?:etfs?|funds?|etns?|products)\\b',
      '\\binverse (?:etfs?|funds?|etns?)\\b',
      '\\b(?:-?[23]x|triple|double|ultra)[- ](?:leveraged|long|short|bull|bear|etfs?|funds?)\\b',
      '\\bdaily reset\\b',
      '\\b(?:tqqq|sqqq|soxl|soxs|upro|spxu|spxl|spxs|tna|tza|labu|labd|faz|tmf|tmv|uvxy|nugt|jnug|qld|sso|sds|qid|tecl|fngu|sdow|udow)\\b',
      '\\bleverag\\w+ (?:etf|fund)s?\\b',
    ],
  },
  {
    topic: 'private placements',
    aliases: ['private placements', 'private placement', 'private offerings', 'reg d offerings', 'regulation d', 'private securities', 'alternative investments'],
    patterns: [
      '\\bprivate placements?\\b',
      '\\breg(?:ulation)? d\\b',
      '\\b(?:rule )?506\\s?\\((?:b|c)\\)',
      '\\baccredited[- ](?:investors?[- ])?only\\b',
      '\\bonly (?:for |open to |available to )?accredited investors?\\b',
      '\\bpre-?ipo\\b',
      '\\bsyndicat(?:ion|ions|ed deals?)\\b',
      '\\bprivate (?:offerings?|deals?|real estate deals?|credit deals?|equity deals?)\\b',
      '\\b(?:oil and gas|real estate) (?:syndicat\\w*|partnerships?|programs?)\\b',
      '\\bnon-?traded reits?\\b',
    ],
  },
  {
    topic: 'political endorsements',
    aliases: ['political endorsements', 'political endorsement', 'political commentary', 'politics', 'political', 'political content', 'partisan politics', 'elections', 'political endorsements / commentary', 'candidates'],
    patterns: [
      '\\b(?:vote|voting|voted) (?:for|against) (?!(?:the )?(?:ballot|measure|proposition|prop\\b))',
      '\\bvote [a-z]+ (?:for|as) (?:mayor|senate|senator|congress|governor|president|(?:city )?council|school board|sheriff|judge|state (?:house|senate|rep\\w*))\\b',
      '\\bendors(?:e|es|ed|ing|ement)\\b(?: of)?(?: \\w+){0,2} (?:senator|sen\\.|rep\\.|representative|governor|gov\\.|mayor|candidate|president|congress\\w*|council\\w*|democrat\\w*|republican\\w*|campaign)\\b',
      '\\bfund-?rais\\w* (?:for|with|to support|benefiting) (?:\\w+ ){0,2}(?:senator|sen\\.|rep\\.|representative|governor|mayor|candidate|campaign|congress\\w*|council\\w*|president|democrat\\w*|republican\\w*)',
      '\\bcampaign (?:event|fundraiser|rally|office|contribution|donation)s?\\b',
      '\\bre-?election (?:campaign|bid|effort)\\b',
      '\\bcanvass\\w*',
      '\\b(?:phone[- ]bank\\w*|campaign\\w*|yard signs?|volunteer\\w*) for (?:senator|sen\\.|rep\\.|governor|mayor|candidate|council\\w*|president|[a-z]+ for (?:senate|congress|mayor|governor))\\b',
      '\\b(?:re-?elect|elect)\\s+(?:senator|sen\\.|rep\\.|governor|mayor|[a-z]+ for)\\b',
      '\\b(?:support|back|backing|supporting|proud to support|stand with|standing with)\\s+(?:senator|sen\\.|rep\\.|representative|governor|gov\\.|mayor|candidate|council(?:man|woman|member)|congress(?:man|woman))\\b',
      '\\b(?:democrats?|republicans?|gop|maga|the left|the right|liberals|conservatives)\\b(?=[^.!?]{0,60}\\b(?:ruin\\w*|destroy\\w*|wrong|disaster\\w*|idiots?|corrupt|failed|failing|clowns?|vote|win|deserve|dangerous|socialis\\w*|fascis\\w*|radical)\\b)',
      '\\b(?:senator|governor|mayor|candidate|congress(?:man|woman)|president) [a-z]+\\b(?=[^.!?]{0,60}\\b(?:fundraiser|campaign|re-?election|vote|endorse|support|win)\\b)',
      '\\b(?:trump|biden|harris|desantis|newsom|vance|obama)\\b(?=[^.!?]{0,60}\\b(?:vote|support|endorse|win|deserve|disaster|best|worst|great|terrible|ruin\\w*)\\b)',
      '\\b(?:pro|anti)-(?:trump|biden|harris|democrat|republican)\\b',
    ],
  },
  {
    topic: 'annuities',
    aliases: ['annuities', 'annuity', 'insurance products', 'variable annuities', 'indexed annuities', 'fixed indexed annuities'],
    patterns: ['\\bannuit(?:y|ies|ant|ants|ize|ization|izing)\\b', '\\bfixed[- ]indexed\\b', '\\bfias?\\b', '\\bmygas?\\b', '\\bvariable annuit\\w*', '\\bincome riders?\\b', '\\bsurrender (?:period|charges?|schedule|fees?)\\b', '\\bglwb\\b', '\\bspias?\\b', '\\bqlacs?\\b'],
  },
  {
    topic: 'precious metals',
    aliases: ['precious metals', 'precious metal', 'gold', 'silver', 'bullion', 'metals', 'gold and silver'],
    patterns: [
      '\\bprecious metals?\\b',
      "\\bgold\\b(?! standard| star|-star|en\\b| medal|-medal|fish| member| level| tier| card| coast| rush weekend| plan)",
      '\\bsilver\\b(?! lining|s? screen|ware| anniversary| medal|-medal| spoon| fox| tsunami| foxes| haired|-haired| sneakers| level| tier| plan| member)',
      '\\bplatinum\\b(?! (?:card|member|level|status|sponsor|club|tier|package|plan|record))',
      '\\bpalladium\\b',
      '\\bbullion\\b',
      '\\bounces? of (?:gold|silver|platinum|palladium)\\b',
      '\\bkrugerrands?\\b',
      '\\b(?:gld|slv|iau|gldm)\\b',
      '\\bgold bugs?\\b',
    ],
  },
];

/** Canonical key for a topic name. */
export function topicKey(topic: string): string {
  return topic.toLowerCase().replace(/[_/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function lookupTopic(topic: string): TopicLexicon | undefined {
  const k = topicKey(topic);
  return RESTRICTED_TOPIC_LEXICON.find((t) => t.topic === k || t.aliases.includes(k)) ??
    RESTRICTED_TOPIC_LEXICON.find((t) => k.includes(t.topic) || t.aliases.some((a) => a.length > 4 && k.includes(a)));
}

/** Fallback for unknown topics: the topic's words and their inflections, as a phrase. */
export function fallbackTopicPattern(topic: string): string {
  const words = topicKey(topic)
    .split(/[\s-]+/)
    .filter((w) => w.length > 0);
  const stems = words.map((w) => {
    const esc = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (w.length <= 3) return esc;
    const stem = esc.replace(/(?:ies|es|s|ing|ed)$/, '');
    return `${stem}\\w{0,4}`;
  });
  return `\\b${stems.join('[\\s-]+')}\\b`;
}
