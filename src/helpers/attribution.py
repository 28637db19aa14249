"""On whose word does each claim rest?

Finds every attribution in a sentence (a claim, quote, report or statement
credited to someone) and types its source. Rules only, so that every row can be
explained by the words that triggered it: the ``cue`` column holds those words,
``start``/``end`` point at them in the article.

How a sentence is read:

1. Cues. Reporting verbs ("said", "told", "reported", "wrote", "confirmed",
   "declined to comment", ...), "according to", "citing", agent phrases
   ("posted by", "reported by"), wire-headline passives ("said to plan"),
   anonymity phrases ("on condition of anonymity"), social-media phrases ("a
   rumor popped up on social media") and embedded tweet credit lines.
2. Source. For a verb, the noun phrase before it (the last short, name-like
   comma segments of its clause: "..., Shanghai-based analyst, Wu Shuocheng,
   told") or after it ("..., said Jane Roe, a spokeswoman"). For "according to",
   "citing" and "by", the phrase after it. Pronouns ("he added") resolve to the
   last named source of the article within two sentences.
3. Type. The source phrase is matched against lexicons, in this order of
   precedence: anonymous, social media, media, expert, official, company, other
   (see ``classify``). A person named earlier with a role ("CEO Elon Musk")
   keeps that type when named again ("Musk wrote").
4. Via. When a sentence credits a media outlet and also other sources ("X
   told the Global Times", "the newspaper, citing unidentified sources, said"),
   the other sources are second-hand: ``via`` names the outlet.

Known limits (see docs/methodology.md): no full coreference, nested quotes are
flattened, sarcasm and scare quotes are not attributions, and names outside the
lexicons are typed by the role words around them, else ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

SOURCE_TYPES = ("anonymous", "social_media", "official", "company", "expert", "media", "other")

ATTRIBUTION_COLUMNS = [
    "article_id",
    "date",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "source_type",
    "source_name",
    "platform",
    "cue",
    "via",
]

# --- lexicons --------------------------------------------------------------------------------

PLATFORMS = {
    "weibo": "weibo",
    "sina weibo": "weibo",
    "wechat": "wechat",
    "weixin": "wechat",
    "twitter": "twitter",
    "tweet": "twitter",
    "tweeted": "twitter",
    "tweets": "twitter",
    "x": "twitter",
    "pic.twitter.com": "twitter",
    "tiktok": "tiktok",
    "douyin": "douyin",
    "reddit": "reddit",
    "facebook": "facebook",
    "instagram": "instagram",
    "youtube": "youtube",
    "telegram": "telegram",
    "linkedin": "linkedin",
    "threads": "threads",
    "bluesky": "bluesky",
    "xiaohongshu": "xiaohongshu",
    "bilibili": "bilibili",
    "zhihu": "zhihu",
    "truth social": "truth_social",
    "snapchat": "snapchat",
}
_PLATFORM_NAMES = (
    r"Sina Weibo|Weibo|WeChat|Weixin|Twitter|TikTok|Douyin|Reddit|Facebook|Instagram|YouTube|Telegram|LinkedIn|"
    r"Threads|Bluesky|Xiaohongshu|Bilibili|Zhihu|Truth Social|Snapchat"
)
# "on X" counts as Twitter/X only in a platform context ("posted on X", "wrote on X").
_PLATFORM_RE = re.compile(
    rf"\b(?:on|via|to|in|across)\s+(?:the\s+)?(?:(?:Chinese|microblogging|social|video|messaging)\s+)*"
    rf"(?:platforms?\s+|sites?\s+|apps?\s+)?({_PLATFORM_NAMES}|X)\b(?!\.\w)|\b({_PLATFORM_NAMES})\b(?!\.\w)|\b(tweet(?:ed|s)?)\b",
)

OUTLETS = [
    "Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg News", "Bloomberg", "Xinhua",
    "Xinhua News Agency", "Global Times", "China Daily", "People's Daily", "People’s Daily", "CCTV", "CGTN",
    "South China Morning Post", "SCMP", "Caixin", "Yicai", "Sina", "Sohu", "The Paper", "Securities Times",
    "China Securities Journal", "Shanghai Securities News", "21st Century Business Herald", "Nikkei", "Nikkei Asia",
    "Kyodo", "Yonhap", "Channel News Asia", "CNA", "Straits Times", "Wall Street Journal", "WSJ", "New York Times",
    "Washington Post", "Financial Times", "FT", "The Economist", "Guardian", "The Guardian", "The Times", "Telegraph",
    "Daily Mail", "The Sun", "Mirror", "Daily Express", "The Independent", "BBC", "CNN", "CNBC", "Fox News", "Fox",
    "MSNBC", "NBC News", "NBC", "CBS News", "CBS", "ABC News", "ABC", "NPR", "PBS", "Politico", "Axios", "Vox",
    "The Atlantic", "The New Yorker", "Time", "Newsweek", "USA Today", "Los Angeles Times", "LA Times",
    "Chicago Tribune", "Boston Globe", "The Hill", "Business Insider", "Insider", "Forbes", "Fortune", "Barron's",
    "MarketWatch", "Yahoo Finance", "TechCrunch", "The Verge", "Wired", "Ars Technica", "Engadget", "Electrek",
    "Teslarati", "InsideEVs", "CleanTechnica", "Oilprice.com", "Al Jazeera", "Deutsche Welle", "DW", "Der Spiegel",
    "Spiegel", "Le Monde", "Handelsblatt", "Le Figaro", "El País", "RT", "TASS", "Sputnik", "Interfax", "Breitbart",
    "HuffPost", "Huffington Post", "BuzzFeed News", "ProPublica", "The Information", "Semafor", "Daily Caller",
    "RedState", "Grist", "Mother Jones", "National Review", "The Intercept", "Sky News", "ITV", "Channel 4",
    "ESPN", "The Athletic", "TMZ", "Deadline", "Variety", "The Hollywood Reporter", "Page Six", "Us Weekly", "E! News",
    "9to5Mac", "9to5Google", "MacRumors", "AppleInsider", "Tom's Hardware", "Gizmodo", "Mashable", "Nikkei Asian Review",
    "Times of India", "Hindustan Times", "NDTV", "Korea Herald", "Japan Times", "Asahi", "Yomiuri",
]
_OUTLET_RE = re.compile(r"(?<![\w@])(?:the\s+)?(" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")(?![\w])")
_OUTLET_SHAPE_RE = re.compile(
    r"\b(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}(?:Times|Post|Journal|News|Herald|Daily|Tribune|Gazette|Telegraph|"
    r"Standard|Observer|Chronicle|Review|Weekly|Mail|Express|Mirror|Monitor|Insider|Reporter|Examiner|Courier|"
    r"Dispatch|Inquirer|Bulletin|Register|Star|Globe|Sun|Magazine|Radio|Television|TV|Broadcasting)\b"
)
MEDIA_WORDS = re.compile(
    r"\b(?:newspapers?|news\s+agenc(?:y|ies)|news\s+outlets?|outlets?|news\s+site|news\s+website|broadcasters?|"
    r"magazines?|tabloids?|(?:state|local|chinese|foreign|western|domestic|official|international|japanese|korean|"
    r"russian|us|u\.s\.|british|indian|german|french|financial|business|news)\s+media|media\s+reports?|"
    r"(?:the\s+)?media|reporters?|journalists?|columnists?|correspondents?|editorials?|editors?|newswire|wire\s+service|"
    r"television|tv|radio|state\s+broadcaster|news\s+portal|the\s+paper|mouthpiece|(?:news|tv|television|radio)\s+stations?|"
    r"podcast|anchor|host\s+of)\b",
    re.I,
)

ANONYMOUS_WORDS = re.compile(
    r"\b(?:familiar\s+with|sources?\b|insiders?|close\s+to\s+the|close\s+to\s+(?:the\s+)?(?:company|matter|talks|"
    r"government|negotiations|deal|situation|investigation)|(?:knowledge|direct\s+knowledge)\s+of|briefed\s+on|"
    r"unidentified|unnamed|anonymous|anonymity|not\s+authori[sz]ed|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|(?:did\s+not|didn't)\s+want\s+to\s+be\s+named|"
    r"(?:did\s+not|didn't)\s+want\s+(?:their|his|her)\s+names?|"
    r"who\s+(?:asked|requested|spoke)|people\s+involved|person\s+involved|people\s+with\s+knowledge|a\s+person\b|"
    r"one\s+person\b|people\b|persons?\s+with)",
    re.I,
)
SOCIAL_WORDS = re.compile(
    r"\b(?:social\s+media|social\s+networks?|users?|netizens?|internet\s+users|online\s+users|posts?|posters?|"
    r"bloggers?|influencers?|commenters?|a\s+viral|viral|hashtags?|online\s+rumou?rs?|screenshots?|"
    r"videos?\s+(?:circulating|shared|posted)|microblog(?:ging)?|accounts?|"
    r"(?:facebook|whatsapp|telegram|wechat|reddit|discord)\s+(?:group|page|forum|thread|chat)s?)\b",
    re.I,
)
EXPERT_WORDS = re.compile(
    r"\b(?:analysts?|researchers?|scientists?|professors?|prof\.?|economists?|strategists?|academics?|experts?|"
    r"scholars?|pollsters?|polls?|surveys?|stud(?:y|ies)|think[\s-]tanks?|institutes?|universit(?:y|ies)|"
    r"college|research|researches|consultanc(?:y|ies)|consultants?|consulting|data\s+(?:from|compiled)|"
    r"climatologists?|epidemiologists?|physicians?|doctors?|dr\.?|lecturer|fellow|laborator(?:y|ies)|"
    r"report\s+(?:by|from)\s+(?:researchers|scientists)|paper\s+published|journal\s+(?:nature|science)|"
    r"(?:bank|brokerage)['’]s?\s+(?:analysts?|research|note)|research\s+notes?|a\s+note\s+to\s+(?:clients|investors))\b",
    re.I,
)
EXPERT_ORGS = [
    "Morgan Stanley", "Goldman Sachs", "Goldman", "JPMorgan", "JP Morgan", "J.P. Morgan", "UBS", "Citi", "Citigroup",
    "Barclays", "Deutsche Bank", "Credit Suisse", "Bank of America", "BofA", "Jefferies", "Wedbush", "Bernstein",
    "Nomura", "Macquarie", "Mizuho", "Daiwa", "CICC", "Piper Sandler", "Evercore", "Wells Fargo",
    "RBC Capital", "BMO", "Cowen", "Baird", "Canaccord", "Moody's", "Moody’s", "S&P Global", "Fitch",
    "IHS Markit", "Wood Mackenzie", "BloombergNEF", "BNEF", "Counterpoint", "Canalys", "IDC", "Gartner",
    "Rhodium Group", "Capital Economics", "Oxford Economics", "Pew Research Center", "Pew", "Gallup", "YouGov",
    "Ipsos", "Quinnipiac", "Brookings", "Brookings Institution", "Heritage Foundation", "Cato Institute",
    "RAND", "Chatham House", "Carbon Brief", "IEA", "International Energy Agency", "IPCC", "McKinsey",
    "Deloitte", "PwC", "KPMG", "Boston Consulting Group", "BCG", "Cox Automotive", "Edmunds", "JD Power",
    "J.D. Power", "Kelley Blue Book", "Consumer Reports", "Rystedt Energy", "Rystad Energy", "Kpler",
    "Sensor Tower", "Statista", "Nielsen", "Nature", "Science", "The Lancet", "Lancet", "NOAA", "Met Office",
    "World Meteorological Organization", "Copernicus", "China Passenger Car Association", "CPCA",
]
_EXPERT_ORG_RE = re.compile(r"(?<![\w])(" + "|".join(re.escape(o) for o in sorted(EXPERT_ORGS, key=len, reverse=True)) + r")(?![\w])")
OFFICIAL_WORDS = re.compile(
    r"\b(?:officials?|ministry|ministries|minister|ministers|department|agency|agencies|government|governments|"
    r"authorit(?:y|ies)|police|polic(?:e|ing)\s+department|court|courts|judge|judges|justice|regulators?|"
    r"regulatory|commission|council|mayor|governor|senator|sen\.|rep\.|congressman|congresswoman|congressional|"
    r"lawmakers?|legislators?|legislature|parliament|parliamentary|mps?|white\s+house|pentagon|kremlin|embassy|nato|"
    r"consulate|prosecutors?|attorney\s+general|bureau|administration|state\s+council|cabinet|premier|chancellor|"
    r"president\s+(?:[A-Z]|of\s+the\s+united)|the\s+President\b|(?:the\s+)?president['’]s|spokes(?:man|woman|person)\s+for\s+the\s+"
    r"(?:ministry|department|government|state|foreign|white\s+house|police|city|county)|official\s+statement|"
    r"statement\s+from\s+the\s+(?:ministry|government|department|agency)|new\s+area|district|municipal|"
    r"provincial|county|city\s+hall|the\s+state|sheriff|fire\s+department|military|army|navy|ministry\s+of|"
    r"secretary\s+of|secretary|ambassador|diplomats?|foreign\s+ministry|party\s+committee|central\s+bank|"
    r"federal\s+reserve|fed\s+chair|epa|fda|sec|nhtsa|faa|cdc|fbi|cia|nasa|un|united\s+nations|who|eu|"
    r"european\s+commission|miit|ndrc|mofcom|pboc|csrc|beijing|washington|brussels|moscow|tokyo|"
    r"coroner|inspector|trooper|troopers|coast\s+guard|customs|census|superintendent|air\s+force|armed\s+forces|"
    r"(?:fire|police)\s+chief|chief\s+of\s+police|sheriff['’]s\s+office|imf|international\s+monetary\s+fund|oecd|"
    r"world\s+bank|wto|world\s+trade\s+organi[sz]ation|opec|nato|european\s+central\s+bank|ecb|"
    r"bank\s+of\s+(?:china|england|japan|canada|korea|france|italy|spain)|people['’]s\s+bank|reserve\s+bank|bundesbank|"
    r"(?:national|federal|postal|secret|weather|park|forest|revenue|health|immigration|border|fire|"
    r"emergency)\s+service|world\s+health\s+organi[sz]ation|centers\s+for\s+disease|navy|marines|"
    r"election\s+(?:commission|officials?|board)|elections?\s+department|school\s+district|"
    r"national\s+guard|supreme\s+court|ministry|senate|house\s+of\s+representatives|congress)\b",
    re.I,
)
COMPANY_WORDS = re.compile(
    r"\b(?:company|companies|firm|automaker|carmaker|car\s+maker|maker|manufacturer|supplier|retailer|airline|"
    r"startup|start-up|group|corporation|spokes(?:man|woman|person|people)|representatives?|ceo|cfo|coo|cto|"
    r"chief\s+executive|chief\s+financial\s+officer|chief\s+operating\s+officer|executives?|exec|founder|"
    r"co-founder|chairman|chairwoman|chair|vice[\s-]president|president|board|management|press\s+release|"
    r"statement|filing|filings|earnings\s+call|investor\s+call|boss|brand|"
    r"inc\.?|corp\.?|ltd\.?|llc|plc|co\.|holdings|motors|technologies|pharmaceuticals|airlines|energy|"
    r"head\s+of|director|managing\s+director|general\s+manager)\b",
    re.I,
)
COMPANIES = [
    "Tesla", "Tesla China", "SpaceX", "Apple", "Google", "Alphabet", "Microsoft", "Amazon", "Meta", "Facebook Inc",
    "Netflix", "Nvidia", "Intel", "AMD", "Qualcomm", "Samsung", "Sony", "Huawei", "Xiaomi", "ByteDance", "Tencent",
    "Alibaba", "Baidu", "JD.com", "Pinduoduo", "BYD", "NIO", "Nio", "XPeng", "Xpeng", "Li Auto", "Geely", "SAIC",
    "Great Wall Motor", "CATL", "LG Energy Solution", "Panasonic", "Toyota", "Honda", "Nissan", "Hyundai", "Kia",
    "Volkswagen", "VW", "BMW", "Daimler", "Mercedes-Benz", "Stellantis", "Ford", "General Motors", "GM", "Rivian",
    "Lucid", "Uber", "Lyft", "Airbnb", "Boeing", "Airbus", "ExxonMobil", "Exxon", "Chevron", "Shell", "BP",
    "TotalEnergies", "Total", "Saudi Aramco", "Aramco", "PetroChina", "Sinopec", "Walmart", "Pfizer", "Moderna",
    "Johnson & Johnson", "AstraZeneca", "OpenAI", "Anthropic", "IBM", "Oracle", "Cisco", "Foxconn", "TSMC",
    "Twitter Inc", "X Corp", "Rio Tinto", "Glencore", "Siemens", "Bosch", "Maersk", "Starbucks", "McDonald's",
]
_COMPANY_RE = re.compile(r"(?<![\w])(" + "|".join(re.escape(c) for c in sorted(COMPANIES, key=len, reverse=True)) + r")(?![\w])")
# People whose role is known without the article saying so again.
KNOWN_PEOPLE = {
    "Musk": "company", "Elon Musk": "company", "Tim Cook": "company", "Zuckerberg": "company",
    "Mark Zuckerberg": "company", "Bezos": "company", "Jeff Bezos": "company", "Satya Nadella": "company",
    "Sundar Pichai": "company", "Mary Barra": "company", "Sam Altman": "company", "Jensen Huang": "company",
    "Tao Lin": "company", "Grace Tao": "company",
    "Xi Jinping": "official", "Xi": "official", "Li Keqiang": "official", "Li Qiang": "official",
    "Biden": "official", "Joe Biden": "official", "Trump": "official", "Donald Trump": "official",
    "Obama": "official", "Macron": "official", "Putin": "official", "Modi": "official", "Scholz": "official",
    "Sunak": "official", "Starmer": "official", "Kishida": "official", "Guterres": "official",
    "Ocasio-Cortez": "official", "Pelosi": "official", "Schumer": "official", "McConnell": "official",
    "Zhao Lijian": "official", "Wang Yi": "official", "Wang Wenbin": "official", "Mao Ning": "official",
}
OTHER_WORDS = re.compile(
    r"\b(?:residents?|witness(?:es)?|neighbou?rs?|activists?|campaigners?|protesters?|union|unions|workers?|"
    r"employees?|customers?|owners?|drivers?|buyers?|fans?|parents?|family|relatives?|lawyers?|attorneys?|"
    r"advocates?|groups?|greenpeace|coalition|association|federation|organi[sz]ation|ngo|charity|volunteers?|"
    r"students?|teachers?|patients?|victims?|survivors?|farmers?|shoppers?|locals?|citizens?|voters?|"
    r"celebrit(?:y|ies)|actor|actress|singer|player|coach|rapper|musician|athlete|star|quarterback|striker|"
    r"footballer|author|comedian|influencer)\b",
    re.I,
)

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "i'll", "i’ll", "i'm", "i’m", "i've", "i’ve", "we'll", "we’ll"}


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """Lower-case words that TextBlob's bundled lexicon knows as ordinary (non proper-noun) words.

    A capitalised word at the start of a sentence ("Insiders say", "Photos shared")
    is a name only if it is not one of these.
    """
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    words = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[0].islower() and not parts[1].startswith("NNP"):
                words.add(parts[0])
    return frozenset(words)

# Words that make a comma segment a clause (not a name or role): it cannot be a source.
_CLAUSE_WORDS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|will|would|could|can|may|might|should|must|shall|do|does|did|"
    r"which|that|because|although|though|if|than|not|no|it's|it’s|there|this|these|those|when|where|what|"
    r"how|why|has\s+been|have\s+been|had\s+been|going|expected|likely|its|their|our|my|your)\b",
    re.I,
)
_FILLERS = re.compile(
    r"\b(?:for\s+(?:his|her|its|their|our)\s+part|in\s+turn|however|meanwhile|though|too|also|previously|"
    r"earlier|later|separately|again|once|repeatedly|publicly|privately|recently|reportedly|on\s+(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|year)|this\s+(?:week|month|year)|"
    r"in\s+the\s+past|in\s+a\s+(?:statement|note|report|post|tweet|blog\s+post|interview|filing|press\s+release))\b",
    re.I,
)
_LEADING_PREP = re.compile(
    r"^(?:speaking|talking|writing|asked|responding|commenting|citing|quoting|in|on|at|during|after|before|since|last|this|earlier|later|by|for|from|as|when|while|but|and|so|yet|"
    r"still|now|then|meanwhile|however|separately|instead|also)\b",
    re.I,
)

# Reporting verbs. The optional auxiliaries are part of the cue ("has noted").
_VERBS = (
    r"said|says|say|told|tells|tell|reported|reports|report|posted|posts|wrote|writes|tweeted|tweets|"
    r"confirmed|confirms|confirm|announced|announces|stated|explained|explains|claimed|claims|argued|argues|"
    r"warned|warns|estimated|estimates|predicted|predicts|forecast|forecasts|found|finds|showed|shows|"
    r"revealed|reveals|disclosed|discloses|acknowledged|acknowledges|admitted|admits|insisted|insists|denied|"
    r"denies|claim|suggested|suggests|indicated|indicates|commented|asserted|asserts|alleged|alleges|mentioned|"
    r"cautioned|projected|concluded|emphasi[sz]ed|stressed|reiterated|responded|replied|testified|conceded|"
    r"contended|contends|observed|noted|notes|added|adds|blogged|recalled|complained|complains|urged|urges|"
    r"announce|state|declared|declares|maintained|maintains|countered|shared|cited|quoted|cites|quotes|"
    r"vowed|pledged|promised|ruled|signaled|signalled|questioned\s+(?:whether|why|how|if)"
)
_AUX = (r"has|have|had|did|also|previously|earlier|later|then|reportedly|recently|repeatedly|publicly|"
        r"separately|further|again|once|had\s+previously|has\s+previously")
_VERB_WORD_RE = re.compile(rf"\b(?:{_VERBS})\b", re.I)
_WORD_RE = re.compile(r"\w+")
# The one-word verbs as a set (``emphasi[sz]ed`` spelled out); "questioned whether" is checked on its own.
_VERB_SET = frozenset(
    word for verb in _VERBS.split("|questioned")[0].split("|")
    for word in ((verb.replace("[sz]", "s"), verb.replace("[sz]", "z")) if "[sz]" in verb else (verb,))
)
# The four non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ ı ſ and the Kelvin sign).
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_VERB_RE = re.compile(rf"(?P<aux>(?:\b(?:{_AUX})\s+)*)(?P<verb>\b(?:{_VERBS})\b)", re.I)
_QUESTIONED_RE = re.compile(r"questioned\s+(?:whether|why|how|if)\b", re.I)
_AUX_TAIL_RE = re.compile(rf"(?:\b(?:{_AUX})\s+)+$", re.I)


class _VerbMatch(NamedTuple):
    """A reporting verb and the auxiliaries before it: the cue "has previously said"."""

    sentence: str
    cue_start: int
    verb_start: int
    verb_end: int

    def start(self, group: int | str = 0) -> int:
        return self.verb_start if group == "verb" else self.cue_start

    def end(self, group: int | str = 0) -> int:
        return self.verb_end

    def group(self, group: int | str = 0) -> str:
        return self.sentence[self.start(group): self.verb_end]

    def __getitem__(self, group):
        return self.group(group)


@lru_cache(maxsize=4096)
def _verbs_pattern(verbs: frozenset) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(sorted(verbs))})\b", re.I)


def _verb_cues(sentence: str):
    """Every reporting verb with its auxiliaries, left to right.

    The same matches as one regex ``(aux\\s+)*\\bverb\\b`` would give, found verb first:
    that regex tried its auxiliaries at every position of every sentence and was the
    slowest step of the sourcing pass.
    """
    if _FOLDS_TO_ASCII & set(sentence):
        # Letters that match ASCII ones only under re.IGNORECASE ("saıd"): the single regex decides.
        yield from _VERB_RE.finditer(sentence)
        return
    present = set(_VERB_SET.intersection(_WORD_RE.findall(sentence.lower())))
    if "questioned" in sentence.lower():
        present.add(r"questioned\s+(?:whether|why|how|if)")
    if not present:
        return
    previous_end = 0
    for match in _verbs_pattern(frozenset(present)).finditer(sentence):
        start, end = match.span()
        aux = _AUX_TAIL_RE.search(sentence, previous_end, start)
        yield _VerbMatch(sentence, aux.start() if aux else start, start, end)
        previous_end = end
_DECLINE_RE = re.compile(
    r"\b(?:declined|refused|declines|refuses|did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|could\s+not|"
    r"couldn['’]t|was\s+not|were\s+not)\s+(?:immediately\s+)?(?:to\s+)?(?:comment|respond|return|reply|"
    r"be\s+reached|available\s+for\s+comment|say|disclose|elaborate|specify|discuss|provide|give|name|answer|confirm)\w*(?:\s+(?:on|to)\s+(?:the\s+)?(?:news|report|request|requests|"
    r"matter|calls?|emails?|messages?|questions?)(?:\s+for\s+comment)?)?",
    re.I,
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\b", re.I)
_CITING_RE = re.compile(r"\b(?:citing|quoting|cited|quoted)\b", re.I)
_AGENT_RE = re.compile(
    r"\b(?:posted|reported|shared|published|confirmed|cited|quoted|tweeted|written|announced|disclosed|revealed|"
    r"seen|obtained|reviewed|released|issued|broadcast|aired|leaked|first\s+reported|claimed|compiled|spotted|"
    r"first\s+spotted|noticed|flagged|"
    r"conducted|commissioned|carried\s+out)\s+by\b",
    re.I,
)
_SAID_TO_RE = re.compile(
    r"\b(?:is|are|was|were|been|being)?\s*(?:(?<=\s)|^)said\s+to\s+(?!(?:the|a|an|me|him|her|them|us|you|"
    r"reporters|journalists|investors|analysts|lawmakers|staff|employees|workers|colleagues|friends|[A-Z]\w*)\b)[a-z]+",
)
_SAID_TO_TITLE_RE = re.compile(r"(?<=\S\s)(?:(?:Is|Are|Was|Were)\s+)?Said\s+[Tt]o\s+[A-Z][a-z]+")
_INTERVIEW_RE = re.compile(
    r"\b(?:in\s+an?\s+(?:\w+\s+)?(?:interview|conversation|op-ed|podcast)\s+(?:with|on|for)|speaking\s+(?:to|with|on)|"
    r"talking\s+to|in\s+comments\s+to|in\s+remarks\s+to)\s+",
    re.I,
)
_FIRST_TO_REPORT_RE = re.compile(
    r"^(?P<who>[^,;:]{2,60}?)\s+(?:was|were)\s+(?:the\s+)?first\s+to\s+(?:report|break|reveal)\b"
)
_ANON_PHRASE_RE = re.compile(
    r"\b(?:opted\s+to\s+remain\s+anonymous|on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+asked\s+not\s+to\s+be\s+"
    r"(?:named|identified)|who\s+declined\s+to\s+be\s+(?:named|identified)|speaking\s+anonymously|requested\s+anonymity|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified))\b",
    re.I,
)
_SOCIAL_PHRASE_RE = re.compile(
    r"\b(?P<what>rumou?rs?|posts?|videos?|photos?|pictures?|images?|claims?|messages?|comments?|screenshots?|"
    r"speculation|hashtags?|a\s+thread|footage|clips?|livestreams?)\b[^.;]{0,80}?\b(?P<cue>popped\s+up|circulat\w+|went\s+viral|spread\w*|"
    r"surfaced|appeared|emerged|shared|posted|trending|making\s+the\s+rounds)\b[^.;]{0,30}?\b(?:on|across|in)\s+"
    r"(?P<where>(?:[^\s.;,]+\s+){0,2}?(?:social\s+media|" + _PLATFORM_NAMES + r"|X(?=[\s,.;])|the\s+internet|online\s+forums?))",
    re.I,
)
_MEDIA_RUMOR_RE = re.compile(
    r"\b(?P<what>rumou?rs?|reports?|speculation)\b[^.;]{0,80}?\b(?P<cue>circulat\w+|surfaced|appeared|emerged|"
    r"spread\w*)\b\s+(?:in|on)\s+(?P<where>(?:[A-Z]\w+\s+)?(?:media|press|newspapers|outlets))\b",
    re.I,
)
_TWEET_CREDIT_RE = re.compile(
    r"(?:pic\.twitter\.com/\S+\s*)?[—–-]{1,2}\s*(?P<name>[^\n()]{0,80}?)\s*\((?P<handle>@\w{1,30})\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
)
_POSSESSIVE_SOURCES_RE = re.compile(
    r"\b(?P<owner>(?:the\s+)?(?:news\s+agency|newspaper|outlet|paper|broadcaster|agency|magazine|publication|"
    r"report|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))['’]s?\s+(?P<src>(?:anonymous\s+|unnamed\s+|unidentified\s+)?"
    r"sources?)\b(?P<rest>[^.;]{0,60})",
)

_NAME_RE = re.compile(
    r"(?:[A-Z][\w’'.&-]*|@\w+)(?:\s+(?:of|de|van|von|der|al|bin|the|and|&)?\s*(?:[A-Z][\w’'.&-]*))*"
)


@dataclass
class Found:
    """One attribution inside a sentence; offsets are relative to the sentence."""

    source_type: str
    source_name: str
    cue: str
    start: int
    end: int
    platform: str = ""
    via: str = ""
    phrase: str = ""  # the source phrase that was classified


@dataclass
class ArticleContext:
    """What earlier sentences of the article tell about later ones."""

    people: dict = field(default_factory=dict)  # name -> type, from roles seen earlier
    surnames: dict = field(default_factory=dict)  # "Zinke" -> "Ryan Zinke": full names anywhere in the article
    last_speaker: tuple | None = None  # (type, name, sentence index)
    last_media: str = ""
    carry_via: str = ""  # an outlet that introduced the next sentence ("X reported:")
    sentence_index: int = 0


# --- classification --------------------------------------------------------------------


def _find_platform(text: str) -> str:
    match = _PLATFORM_RE.search(text)
    if not match:
        return ""
    word = (match.group(1) or match.group(2) or match.group(3) or "").lower()
    return PLATFORMS.get(word, word)


# A US politician's party and state: "(D-VA)", "(R-Ohio)", "(D)", "R-Tenn.".
_PARTY_TAG_RE = re.compile(r"\([RDI](?:-[A-Z][A-Za-z.]{1,14})?\)|\b[RDI]-[A-Z][A-Za-z]{1,13}\.?(?!\w)")
# Capitalised words that are never a source's name: months, weekdays, suffixes.
_NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jr", "Sr", "Today",
    "Yesterday", "Tomorrow", "Tonight", "Mass",
}
_FUNCTION_WORDS = {
    "the", "a", "an", "in", "on", "at", "as", "while", "when", "after", "before", "since", "but", "and", "two",
    "three", "four", "several", "some", "many", "one", "under", "over", "if", "according", "speaking", "local",
}


def _platform_display(text: str, platform: str) -> str:
    """The platform as the text writes it ("Weibo", "Twitter"), else its key capitalised."""
    for name in _names(text):
        if PLATFORMS.get(name.lower()) == platform:
            return name
    return platform.capitalize()


def _names(phrase: str) -> list[str]:
    """Capitalised name sequences in a phrase, without leading articles and sentence-initial capitals."""
    return list(_names_cached(phrase))


@lru_cache(maxsize=65536)
def _names_cached(phrase: str) -> tuple[str, ...]:
    names = []
    for match in _NAME_RE.finditer(phrase):
        name = match.group(0).strip(" ,.'’")
        name = re.sub(r"^(?:The|A|An|And|But|In|On|At|As|While|When|After|Before|Since)\s+", "", name)
        name = re.sub(r"['’]s$", "", name)
        name = " ".join(w for w in name.split() if w.rstrip(".,") not in _NOT_NAMES and not _PARTY_TAG_RE.fullmatch(w))
        if not name or name.lower() in PRONOUNS or len(name) < 2 or name.lower() in PLATFORMS:
            continue
        words = name.split()
        if match.start() == 0 and (
            (len(words) == 1 and words[0].lower() in _common_words())
            or (len(words) > 1 and words[0].lower() in _FUNCTION_WORDS)
        ):
            # A capitalised ordinary word opening the phrase: "Insiders say", "Two people".
            if len(words) == 1:
                continue
            name = " ".join(words[1:])
        names.append(name)
    return tuple(names)


PLACES = {
    "China", "Chinese", "U.S.", "US", "USA", "America", "American", "Europe", "European", "Asia", "Asian", "Japan",
    "Japanese", "Korea", "Korean", "India", "Indian", "Germany", "German", "France", "French", "Britain", "British",
    "UK", "U.K.", "U.S", "U.K", "Russia", "Russian", "Ukraine", "Ukrainian", "Israel", "Israeli", "Iran", "Iranian", "Mexico", "Mexican", "Brazil", "Brazilian", "Nigeria", "Nigerian", "Canadian", "Australian", "Italian", "Spanish", "Swedish", "Norwegian", "Dutch", "Polish", "Turkish", "Saudi", "Pakistani", "Vietnamese", "Indonesian", "Thai", "Shanghai", "Beijing", "Shenzhen", "Hong Kong", "Taiwan", "Canada", "Australia",
    "Singapore", "New Zealand", "California", "Texas", "New York", "London", "Berlin", "Paris", "Tokyo", "Washington",
    "Brussels", "Moscow", "Chongqing", "Guangzhou", "Fremont", "Western", "Eastern", "Mainland",
}
_ROLE_TITLE_RE = re.compile(
    r"^(?:(?:CEO|Chief\s+Executive(?:\s+Officer)?|Chief\s+Financial\s+Officer|CFO|President|Vice[\s-]President|"
    r"Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Prime\s+Minister|Minister|Foreign\s+Minister|Dr\.|Dr|Professor|Prof\.|"
    r"Chairman|Chairwoman|Founder|Co-founder|Analyst|Judge|Justice|Secretary|Spokesperson|Spokesman|Spokeswoman|"
    r"Director|Chancellor|Premier|Ambassador|Commissioner|Chief|General|Gen\.|Officer|Detective|Sheriff|Inspector|"
    r"Economist|Researcher|Scientist|Executive|Managing\s+Director)\s+)+"
)


# "U.S. President Donald Trump", "French Foreign Minister ...": the country is part of the title, not the name.
_COUNTRY_BEFORE_TITLE_RE = re.compile(
    r"^(?:U\.S\.|U\.K\.|EU|" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\s+"
    r"(?=(?:Vice\s+|Prime\s+|Foreign\s+)?(?:President|Minister|Premier|Chancellor|Secretary|Senator|Governor)\s+[A-Z])"
)


@lru_cache(maxsize=65536)
def _person_name(phrase: str) -> str:
    """The last name-like sequence that is not a role, outlet, company or place word alone."""
    candidates = []
    for name in _names(phrase):
        name = _ROLE_TITLE_RE.sub("", _COUNTRY_BEFORE_TITLE_RE.sub("", name)).strip()
        if not name or name in PLACES or all(word in PLACES for word in name.split()):
            continue
        words = name.split()
        if len(words) == 1 and any(
            pattern.fullmatch(name)
            for pattern in (COMPANY_WORDS, OFFICIAL_WORDS, EXPERT_WORDS, SOCIAL_WORDS, MEDIA_WORDS, OTHER_WORDS, ANONYMOUS_WORDS)
        ):
            continue
        candidates.append(name)
    return candidates[-1] if candidates else ""


def classify(phrase: str, context: ArticleContext | None = None) -> tuple[str, str]:
    """Type a source phrase. Returns ``(source_type, source_name)`` or ``("", "")`` when it is no source.

    Precedence: anonymous, social media (unnamed users and posts), media,
    expert, official, company, then a named person or group (``other``).
    """
    context = context or ArticleContext()
    text = " ".join(phrase.split()).strip(" ,;:—–-\"“”'’")
    # "Tesla, China for its part," reads as one name once the aside is gone.
    text = re.sub(r"^([A-Z][\w.&-]+), ([A-Z][\w.&-]+)$", r"\1 \2", text)
    if not text:
        return "", ""
    lowered = text.lower()
    if lowered in PRONOUNS or lowered in {"him", "her", "them", "us", "me"}:
        return "", ""

    outlet = _OUTLET_RE.search(text)
    outlet_name = outlet.group(1) if outlet else ""
    if not outlet_name:
        shape = _OUTLET_SHAPE_RE.search(text)
        outlet_name = shape.group(0).strip() if shape else ""
    expert_org = _EXPERT_ORG_RE.search(text)
    company = _COMPANY_RE.search(text)
    person = _person_name(text)

    # Anonymous: unnamed people, and unnamed officials.
    if ANONYMOUS_WORDS.search(text) and not (person and not re.search(
        r"sources?|familiar|anonym|unnamed|identified|named|close to|knowledge|insiders?|authori[sz]ed|briefed", lowered
    )):
        return "anonymous", ""
    if re.fullmatch(
        r"(?:two|three|four|several|some|many|a|an|one|other|local|nearby)\s+(?:\w+\s+)?(?:witness(?:es)?|residents?|"
        r"neighbou?rs?|workers?|employees?|customers?|drivers?|passengers?|parents?|students?|shoppers?|fans?|"
        r"locals?|villagers?|bystanders?|people|users?|commuters?|patients?|voters?)",
        lowered,
    ) and not person and not _find_platform(text):
        return "anonymous", ""  # unnamed people: "two witnesses told KTLA"
    if not outlet_name and not MEDIA_WORDS.search(text) and re.search(
        r"\b(?:officials?|diplomats?|aides?|staffers?|insiders?)\b(?!\s+(?:statement|data|figures|documents?|website|"
        r"account|newspaper|media|channels?|reports?|estimates?|results?|tally|count|notice|announcement|"
        r"news\s+agency|broadcaster))",
        lowered,
    ) and not _named_body(text):
        return "anonymous", ""  # an unnamed official: "a senior official", "two U.S. officials"

    # Social media: unnamed users, posts and rumours on platforms, or social media as a whole.
    platform = _find_platform(text)
    if SOCIAL_WORDS.search(text) and not (person and not re.search(r"\busers?\b|netizens?|group|forum|page|thread", lowered)):
        name = "social media" if re.search(r"social\s+media", lowered) else ""
        if platform:
            name = _platform_display(text, platform)
        return "social_media", name
    if platform and not person and not company and not outlet_name and not MEDIA_WORDS.search(text):
        return "social_media", _platform_display(text, platform)

    # A person named earlier in the article keeps the type their role gave them.
    known = _known_person(text, context)
    if known and not outlet_name:
        name, kind = known
        role_type = _role_type(text, outlet_name, expert_org, company)
        return (role_type or kind), person or name

    role = _role_type(text, outlet_name, expert_org, company)
    if role:
        if role == "media":
            name = outlet_name or person or _generic_name(text, MEDIA_WORDS)
        elif role == "expert":
            name = person or (expert_org.group(1) if expert_org else "") or _generic_name(text, EXPERT_WORDS)
        elif role == "company":
            name = person or (company.group(1) if company else "") or _org_name(text) or _generic_name(text, COMPANY_WORDS)
        elif role == "official":
            name = person or _org_name(text) or _generic_name(text, OFFICIAL_WORDS)
        else:
            name = person
        return role, name
    if _PARTY_TAG_RE.search(text):
        return "official", person or ""  # "(D-VA)": a US lawmaker's party and state
    if person:
        if len(person.split()) == 1 and person in context.surnames:
            return "other", context.surnames[person]  # the surname of a person the article names in full
        if len(person.split()) == 1 and not OTHER_WORDS.search(text) and not re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s", text):
            return "company", person  # a single unknown name as a speaker is far more often an organisation
        return "other", person
    if OTHER_WORDS.search(text):
        return "other", _generic_name(text, OTHER_WORDS)
    return "", ""


_EXPERT_ROLE_RE = re.compile(
    r"\b(?:analysts?|researchers?|scientists?|professors?|economists?|strategists?|academics?|experts?|"
    r"scholars?|pollsters?|climatologists?|epidemiologists?|(?:lead|study|co-?)\s*authors?|investment\s+officer|"
    r"portfolio\s+managers?|fund\s+managers?|market\s+watchers?|demographers?|statisticians?|historians?|"
    r"virologists?|physicists?|ecologists?|meteorologists?)\b"
)
_COMPANY_ROLE_RE = re.compile(
    r"\b(?:ceo|cfo|coo|cto|chief\s+(?:executive|financial|operating|technology|marketing)|spokes(?:man|woman|person|"
    r"people)|executives?|founder|co-founder|chairman|chairwoman|vice[\s-]president|head\s+of|managing\s+director|"
    r"general\s+manager|board|press\s+release|earnings\s+(?:call|release|report)|annual\s+report|filing)\b"
)
_GROUP_RE = re.compile(
    r"\b(?:club|union|association|federation|coalition|alliance|society|league|campaign|activists?|residents?|"
    r"owners?|witness(?:es)?|protesters?|campaigners?|neighbou?rs?|parents?|lawyers?|attorneys?(?!\s+general)|customers?)\b"
)


_KNOWN_PEOPLE_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(KNOWN_PEOPLE, key=len, reverse=True)) + r")(?![\w])"
)


# The first word of every well-known name: a text without one cannot name them (a fast check).
_KNOWN_LEAD_WORDS = frozenset(re.match(r"\w+", name).group(0) for name in KNOWN_PEOPLE)


def _known_person(text: str, context: ArticleContext) -> tuple[str, str] | None:
    """A person the article introduced with a role, or a well-known one, named in ``text``: (name, type)."""
    if context.people:
        words = set(re.findall(r"[\w’'-]+", text))
        for name, kind in context.people.items():
            if name and all(part in words for part in name.split()) and re.search(
                rf"(?<![\w]){re.escape(name)}(?![\w])", text
            ):
                return name, kind
    if _KNOWN_LEAD_WORDS.isdisjoint(_WORD_RE.findall(text)):
        return None
    match = _KNOWN_PEOPLE_RE.search(text)
    return (match.group(1), KNOWN_PEOPLE[match.group(1)]) if match else None


def _named_outlet(text: str) -> bool:
    """An outlet named in the phrase (not merely "reporters"): a known outlet, an outlet-shaped name or call letters."""
    return bool(_OUTLET_RE.search(text) or _OUTLET_SHAPE_RE.search(text) or re.search(r"\b[A-Z]{3,5}\b", text))


def _named_body(text: str) -> str:
    """A proper name in the phrase that is not only a place, a role title or an ordinary word."""
    for name in _names(text):
        name = _ROLE_TITLE_RE.sub("", name).strip()
        words = [w for w in name.split() if w not in PLACES and w.lower() not in {"the", "of", "and"}]
        if len(words) >= 2 or (words and words[0].lower() not in _common_words()):
            return name
    return ""


# "President" as a title before a name ("President Emmanuel Macron"); a company's president is written
# with the company ("Tesla President Jerome Guillen") or in lower case ("the company's president").
_TITLE_PRESIDENT_RE = re.compile(r"\b(?:Vice[\s-])?President\s+(?=(?:[A-Z]\.\s+)?[A-Z][a-z])")
_BEFORE_HEAD_OF_STATE = {"the", "The", "former", "Former", "then", "then-", "ex-", "U.S.", "US", "U.S", "UK", "U.K."}


def _head_of_state_title(text: str) -> bool:
    """'President Xi Jinping', 'U.S. President Donald Trump', 'former Vice President Al Gore': an office of state.

    Only a country, "former" or "the" may come before the title: "Harvard President Alan Garber",
    "Teamsters President Sean O'Brien" or "Delta Air Lines President ..." lead the body named before it.
    """
    match = _TITLE_PRESIDENT_RE.search(text)
    if not match:
        return False
    before = text[: match.start()].split()
    return all(word in _BEFORE_HEAD_OF_STATE or word in PLACES for word in before)


def _role_type(text: str, outlet_name: str, expert_org, company) -> str:
    """The type given by role words and known organisations, or ''."""
    lowered = text.lower()
    if _EXPERT_ROLE_RE.search(lowered):
        return "expert"
    official = OFFICIAL_WORDS.search(text) or re.search(r"\b(?:Sen|Rep|Gov|Gen|Adm|Lt)\.\s", text)
    if not company and not expert_org and _head_of_state_title(text) \
            and not COMPANY_WORDS.search(_TITLE_PRESIDENT_RE.sub("", text)):
        return "official"  # "President Xi Jinping", "Vice President Mike Pence": a title, with no company in sight
    if _COMPANY_ROLE_RE.search(lowered) and re.search(
        r"research\s+(?:firm|group|company|house)|consultanc|consulting|think\s+tank|advisory|analytics\s+firm", lowered
    ):
        return "expert"  # the founder of a research or consulting firm speaks as an analyst
    if _COMPANY_ROLE_RE.search(lowered) and not outlet_name:
        # A spokesperson or executive speaks for their employer: a ministry's spokesman is official.
        if official and re.search(r"ministry|government|department|police|white\s+house|state|city|county|agency|"
                                  r"foreign|embassy|council|commission|bureau|administration|office\b", lowered):
            return "official"
        return "company"
    if _GROUP_RE.search(lowered) and not _COMPANY_ROLE_RE.search(lowered):
        return "other"
    if outlet_name or MEDIA_WORDS.search(text):
        if not (company and not outlet_name and not re.search(r"media|newspaper|outlet|broadcaster|agency", lowered)):
            return "media"
    if expert_org or EXPERT_WORDS.search(text):
        return "expert"
    company_hit = company or COMPANY_WORDS.search(text)
    if official and company_hit:
        # "Tesla vice-president" is a company role; "a ministry spokesman" an official one.
        word = official.group(0).lower()
        if company and word in {"board", "administration", "department", "team", "group"}:
            return "company"
        if re.search(r"\bvice[\s-]president\b|\bpresident\b", lowered) and company and not re.search(
            r"government|ministry|official|state", lowered
        ):
            return "company"
        return "official"
    if official:
        return "official"
    if company_hit:
        return "company"
    return ""


def _generic_name(text: str, pattern: re.Pattern) -> str:
    """For an unnamed source ("local Chinese media", "the company"), the phrase itself, without its article."""
    if not pattern.search(text):
        return ""
    return re.sub(r"^(?:the|a|an|one|some)\s+", "", text.strip(), flags=re.I)[:60]


def _org_name(text: str) -> str:
    names = _names(text)
    return names[-1] if names else ""


# --- finding the source phrase around a cue --------------------------------------------------

_CLAUSE_START_RE = re.compile(
    r"(?:[;:—–]|[”\"](?=\s*,?\s)|,\s*[”\"’']\s|\b(?:that|which|while|whereas|but|because|after|before|since|as|when|"
    r"where|although|though|if|so)\b)",
    re.I,
)


def _subject_before(sentence: str, cue_start: int) -> tuple[str, int]:
    """The source phrase just before a cue, and where it starts; ('', -1) when there is none."""
    left = sentence[:cue_start]
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(left)]
    clause_start = starts[-1] if starts else 0
    window = left[clause_start:]
    # Comma segments from the end, while they look like names or roles.
    pieces = re.split(r"(,)", window)
    segments, positions, position = [], [], clause_start
    for piece in pieces:
        if piece != ",":
            segments.append(piece)
            positions.append(position)
        position += len(piece)
    kept: list[tuple[str, int]] = []
    asides: list[str] = []
    for segment, seg_start in reversed(list(zip(segments, positions))):
        cleaned = _FILLERS.sub(" ", segment)
        cleaned = " ".join(cleaned.split())
        if not cleaned:
            if kept:
                continue
            continue
        if re.match(r"(?:citing|quoting)\b", cleaned, re.I):
            continue  # "The newspaper, citing unidentified sources, said": the citing handler takes it
        if re.match(r"(?:who|whose|which)\b", cleaned, re.I):
            asides.append(cleaned)  # "Neighbors, who did not want their names published, said"
            continue
        if _LEADING_PREP.match(cleaned) and kept:
            break
        words = cleaned.split()
        if kept and _VERB_WORD_RE.search(cleaned):
            break  # "Reuters reported the deal, the company said": an earlier clause has its own speaker
        if len(words) > 9 or _CLAUSE_WORDS.search(cleaned):
            if not kept and len(words) <= 14:
                # "The official newspaper, citing unidentified sources" handled by the caller;
                # a clause right before the verb means the verb has no named subject here.
                tail = _tail_noun_phrase(cleaned)
                if tail:
                    kept.append((tail, seg_start + segment.rfind(tail.split()[0]) if tail.split() else seg_start))
            break
        if _LEADING_PREP.match(cleaned) and not kept:
            stripped = re.sub(r"^(?:(?:in|on|at|during|after|before|since|last|this|earlier|later|by|for|from|as|when|"
                              r"while|but|and|so|yet|still|now|then|meanwhile|however|separately|instead|also)\s+)+",
                              "", cleaned, flags=re.I)
            if not stripped or stripped.split()[0][0].islower():
                break
            cleaned = stripped
        kept.append((cleaned, seg_start))
        if len(kept) >= 3:
            break
    if not kept:
        return "", -1
    kept.reverse()
    phrase = ", ".join([p for p, _ in kept] + asides)
    return phrase, kept[0][1]


def _tail_noun_phrase(text: str) -> str:
    """The noun phrase at the end of a clause-like segment: '... and analysts at UBS' -> 'analysts at UBS'."""
    match = re.search(
        r"((?:(?:the|a|an|one|two|several|some|many|other|local|senior|independent|chinese|u\.s\.)\s+)*"
        r"(?:[A-Z][\w’'.&-]*\s+){0,4}(?:[A-Za-z][\w’'.&-]*))\s*$",
        text,
    )
    if not match:
        return ""
    phrase = match.group(1)
    if _CLAUSE_WORDS.search(phrase) or len(phrase.split()) > 6:
        return ""
    return phrase


def _phrase_after(sentence: str, position: int, limit_words: int = 12) -> tuple[str, int]:
    """The noun phrase after a cue ("according to X", "citing X", "by X"), up to punctuation or a clause."""
    right = sentence[position:]
    lead = len(right) - len(right.lstrip())
    right = right.lstrip()
    stop = re.search(
        r"[,;:!?()\"“”]|(?<![A-Z])\.(?=\s|$)|\s(?:that|which|who|whom|where|when|while|as|because|since|after|before|and\s+(?:said|added|"
        r"told)|said|says|told|reported|wrote|posted|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"believed|published|released|seen|obtained|showing|shows|showed|suggesting|to\s+[a-z]+)\b",
        right,
    )
    phrase = right[: stop.start()] if stop else right
    words = phrase.split()
    if len(words) > limit_words:
        phrase = " ".join(words[:limit_words])
    # "a report by X", "data from X", "a statement from X": the source is X.
    inner = re.match(
        r"(?:(?:an?|the|new|recent|latest|its|his|her|their|one|leaked|internal|official)\s+)*(?:reports?|stud(?:y|ies)|"
        r"surveys?|data|statements?|figures|documents?|estimates?|analys[ie]s|filings?|posts?|tweets?|notes?|"
        r"research|polls?|article|story|interview|letter|memo|email|press\s+release)\s+(?:by|from|of|in|on|with|to)\s+(.+)$",
        phrase,
        re.I,
    )
    if inner and not re.search(r"official|government", phrase[: inner.start(1)], re.I):
        offset = inner.start(1)
        return inner.group(1).strip(), position + lead + offset
    return phrase.strip(), position + lead


def _inverted_subject(sentence: str, cue_end: int) -> tuple[str, int]:
    """'..., said Jane Roe, a spokeswoman for the ministry.': the phrase after the verb."""
    right = sentence[cue_end:]
    match = re.match(
        r"\s+((?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,3}?(?:[A-Z@][\w’'.&@-]*)(?:\s+[A-Z][\w’'.&-]*){0,4}"
        r"(?:,\s+(?!who\b|which\b|whose\b)(?:(?:a|an|the)\s+)?[a-z][^,.;]{2,70})?)\s*(?:[,.;!?]|$|\s+(?:on|in|at|last|this|told)\b)",
        right,
    )
    if not match:
        match = re.match(
            r"\s+((?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|ministry|spokes\w+|analysts?|official\w*|police|"
            r"agency|government|newspaper|report|statement|researchers?|scientists?|experts?|executives?|sources?))"
            r"\s*(?:[,.;!?]|$|\s+(?:on|in|at|last|this)\b)",
            right,
        )
    if not match:
        return "", -1
    return match.group(1), cue_end + match.start(1)


# --- the extractor ------------------------------------------------------------------------


def _resolve_pronoun(phrase: str, context: ArticleContext) -> tuple[str, str] | None:
    """'he', 'she', 'the company': the last source of the article, when it was named recently."""
    lowered = phrase.lower().strip()
    last = context.last_speaker
    if last is None:
        return None
    kind, name, index = last
    if lowered in {"he", "she"} and context.sentence_index - index <= 2 and kind not in {"anonymous", "social_media", "media"}:
        return kind, name
    if lowered in {"the company", "the firm", "the automaker", "the carmaker"}:
        return "company", name if kind == "company" else ""
    return None


_PARTICIPLE_RE = re.compile(r",\s+(saying|adding|noting|warning|arguing|insisting)\b")
_VIRAL_RE = re.compile(r"\b(?:a|the|one)\s+viral\s+(?:video|post|clip|photo|image|tweet|thread|message)s?\b", re.I)
_SUBJECT_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "du", "on", "&"}


def _leading_subject(clause: str) -> str:
    """The sentence's opening noun phrase: the words before its first lower-case word (other than 'of', 'the'...)."""
    words = clause.split()
    taken = []
    for index, word in enumerate(words):
        if word[0].islower() and word not in _SUBJECT_FUNCTION_WORDS and not (index == 0 and word == "the"):
            break
        taken.append(word)
        if word.endswith(","):
            return ""
    phrase = " ".join(taken)
    return phrase if 0 < len(taken) <= 8 and phrase[0].isupper() else ""


def _scan(pattern: re.Pattern, sentence: str, lowered: str, *needles: str):
    """``pattern.finditer(sentence)``, skipped when none of the words every match must contain is there (speed)."""
    if any(needle in lowered for needle in needles):
        return pattern.finditer(sentence)
    return ()


def extract_sentence(sentence: str, context: ArticleContext | None = None) -> list[Found]:
    """Every attribution in one sentence. ``context`` carries what earlier sentences named."""
    context = context or ArticleContext()
    lowered = sentence.lower()
    found: list[Found] = []
    taken: list[tuple[int, int]] = []  # cue spans already used

    def add(kind, name, cue, start, end, phrase="", platform="", via=""):
        if not kind:
            return
        found.append(Found(kind, name, cue, start, end, platform, via, phrase))

    # 1. Tweet credit lines.
    for match in _scan(_TWEET_CREDIT_RE, sentence, lowered, "(@"):
        add("social_media", match["handle"], "embedded tweet", match.start(), match.end(), match.group(0), "twitter")
        taken.append((match.start(), match.end()))

    # 2. Wire-headline passives: "Tesla said to plan ..." credit unnamed sources.
    for match in _scan(_SAID_TO_RE, sentence, lowered, "said"):
        add("anonymous", "", match.group(0).strip(), match.start(), match.end())
        taken.append((match.start(), match.end()))

    for match in _scan(_SAID_TO_TITLE_RE, sentence, lowered, "said"):
        add("anonymous", "", match.group(0).strip(), match.start(), match.end())
        taken.append((match.start(), match.end()))
    # "Deadline was the first to report": the outlet broke the news.
    first = _FIRST_TO_REPORT_RE.match(sentence) if "first to" in lowered else None
    if first:
        kind, name = classify(first["who"], context)
        kind = kind if kind in {"media", "social_media", "official"} else "media"
        add(kind, name or first["who"], "first to report", 0, first.end(), first["who"])
        taken.append((0, first.end()))
    # "in an interview with Xinhua", "speaking to CNBC": the outlet carries the source's words.
    for match in _scan(_INTERVIEW_RE, sentence, lowered, "interview", "conversation", "op-ed", "podcast", "speaking", "talking", "comments to", "remarks to"):
        phrase, p_start = _phrase_after(sentence, match.end(), limit_words=6)
        if _named_outlet(phrase):
            kind, name = classify(phrase, context)
            if kind == "media":
                add("media", name, re.sub(r"\s+", " ", match.group(0).strip()).lower(), match.start(), p_start + len(phrase), phrase)

    # 3. "according to X".
    for match in _scan(_ACCORDING_RE, sentence, lowered, "according"):
        phrase, p_start = _phrase_after(sentence, match.end())
        if re.match(r"(?:plan|schedule|the\s+plan|expectations?|reports?$)", phrase, re.I):
            continue
        after_phrase = sentence[p_start + len(phrase):]
        if re.match(r"\s+(?:released|issued|published|posted|compiled|conducted|filed|seen)\s+by\b", after_phrase, re.I):
            continue  # "according to a statement released by X": the agent phrase names the source
        own = re.match(r"(?:its|their|the\s+company['’]s)\s+(?:own\s+)?(?:\w+\s+)?(?:release|statement|filing|report|"
                       r"website|announcement|guidance|results|prospectus|data)\b", phrase, re.I)
        if own:
            subject = _names(sentence[: match.start()])
            add("company", subject[0] if subject else "", "according to", match.start(), p_start + len(phrase), phrase)
            taken.append((match.start(), match.end()))
            continue
        kind, name = classify(phrase, context) if phrase else ("", "")
        if not kind:
            resolved = _resolve_pronoun(phrase, context)
            kind, name = resolved if resolved else ("", "")
        add(kind, name, "according to", match.start(), p_start + len(phrase), phrase, _find_platform(phrase))
        taken.append((match.start(), match.end()))

    # 4. Agent phrases: "posted by Bloomberg News", "shared by individuals familiar with the matter".
    for match in _scan(_AGENT_RE, sentence, lowered, "by"):
        phrase, p_start = _phrase_after(sentence, match.end())
        kind, name = classify(phrase, context) if phrase else ("", "")
        add(kind, name, match.group(0).lower(), match.start(), p_start + len(phrase), phrase, _find_platform(phrase))
        taken.append((match.start(), match.end()))

    # 5. "citing X" / "quoting X".
    for match in _scan(_CITING_RE, sentence, lowered, "citing", "quoting", "cited", "quoted"):
        if any(a <= match.start() < b for a, b in taken):
            continue
        finite = match.group(0).lower() in {"cited", "quoted"}  # "Xinhua cited X": the verb pass takes Xinhua too
        if finite and re.search(r"\b(?:was|were|is|are|be|been)\s+$", sentence[: match.start()]):
            continue
        phrase, p_start = _phrase_after(sentence, match.end())
        kind, name = classify(phrase, context) if phrase else ("", "")
        add(kind, name, match.group(0).lower(), match.start(), p_start + len(phrase), phrase, _find_platform(phrase))
        if not finite:
            taken.append((match.start(), match.end()))

    # 6. Declining to comment: the subject is the source.
    cue_spans = [(m.start(), m.end(), m.group(0), "decline") for m in _scan(_DECLINE_RE, sentence, lowered, "declin", "refus", "not", "n't", "n’t")]
    # 7. Reporting verbs.
    for match in _verb_cues(sentence):
        verb = match["verb"].lower()
        v_start = match.start("verb")
        if any(a <= v_start < b for a, b in taken) or any(a <= v_start < b for a, b, _, _ in cue_spans):
            continue
        before = sentence[:v_start]
        after = sentence[match.end():]
        if (re.search(r"\b(?:the|this|that|a|an|its|his|her|their|our|recent|new|latest|these|those|own|"
                     r"such|of|United|and|whose|which|her|my)\s+$", before, re.I) or re.search(r"\w['’]s?\s+$", before)) and verb not in {"said", "says"}:
            continue  # a noun: "the report", "recent reports", "the United States"
        if verb == "said" and re.search(r"\b(?:the|aforementioned|aforesaid|such|this|that)\s+$", before, re.I):
            continue  # "the said agreement"
        if verb in {"told", "tell", "tells"} and (
            re.search(r"\b(?:was|were|is|are|be|been|being|all|when)\s+$", before, re.I) or re.match(r"\s+(?:to|of)\b", after)
        ):
            continue  # "was told to leave", "all told"
        if verb in {"found", "finds", "showed", "shows", "estimated", "estimates", "projected"}:
            subject, _ = _subject_before(sentence, match.start())
            if not subject or classify(subject, context)[0] not in ("expert", "official"):
                continue  # "police found a body" is an action; "a study found", "the CBO estimated" are claims
        if verb == "posted" and re.match(
            r"\s+(?:a|an|its|their|his|her)?\s*(?:[\w$.,%-]+\s+){0,4}?(?:profit|loss|revenue|sales|earnings|gain|"
            r"decline|growth|results|deficit|surplus|record|increase|drop)s?\b", after, re.I
        ):
            continue  # "Toyota posted a record profit": a result, not a post
        if verb in {"state", "announce", "confirm", "tell", "say", "report"} and not re.search(
            r"\b(?:did|do|does|will|would|can|could)\s+$", before, re.I
        ) and verb != "say":
            continue
        if verb in {"shared", "posted", "reported"} and re.match(r"\s+by\b", after):
            continue  # the agent phrase already took it
        if verb in {"forecast", "forecasts", "report", "reports", "claims", "notes", "posts", "tweets", "shows", "comments"} and re.search(
            r"\b(?:than|the|a|an|of|in|its)\s+$", before, re.I
        ):
            continue
        cue_spans.append((match.start(), match.end(), match.group(0), "verb"))

    for c_start, c_end, cue_text, cue_kind in sorted(cue_spans):
        phrase, p_start = _subject_before(sentence, c_start)
        # Participle forms share the main clause's subject: skip ("..., adding that").
        if re.match(r"\s*(?:adding|saying|noting|writing|telling)\b", cue_text, re.I):
            continue
        inverted = False
        if not phrase or (phrase.lower() in PRONOUNS and not _resolve_pronoun(phrase, context)):
            alt, alt_start = _inverted_subject(sentence, c_end)
            if alt:
                phrase, p_start, inverted = alt, alt_start, True
        if not phrase:
            continue
        # The citing clause inside the subject ("The newspaper, citing unidentified sources,") is not the subject.
        phrase = re.sub(r",?\s*(?:citing|quoting)\s+[^,]+,?", "", phrase, flags=re.I).strip(" ,")
        resolved = _resolve_pronoun(phrase, context)
        if resolved:
            kind, name = resolved
        else:
            kind, name = classify(phrase, context)
        if not kind and cue_kind == "decline":
            kind, name = "company", _org_name(phrase)
        if not kind:
            continue
        if kind == "anonymous" and _PLATFORM_USER_RE.search(phrase) and not ANONYMOUS_WORDS.search(phrase) \
                and _find_platform(phrase + " " + re.split(r"[,;.]", sentence[c_end:], maxsplit=1)[0]):
            kind, name = "social_media", ""  # "A user posted a photo ... on Weibo": a platform's user, not a hidden source
        if kind == "social_media" and not name:
            platform_here = _find_platform(sentence)
            name = _platform_display(sentence, platform_here) if platform_here else "social media"
        span_start = min(p_start, c_start) if p_start >= 0 else c_start
        span_end = max(c_end, p_start + len(phrase)) if inverted else c_end
        cue_word = re.sub(r"\s+", " ", cue_text.strip()).lower()
        if cue_kind == "decline":
            cue_word = "declined to comment" if "comment" in cue_word else cue_word
        if kind == "social_media":
            platform = _find_platform(sentence)
        else:
            platform = _find_platform(sentence[max(0, span_start): c_end + 60]) if kind != "media" else ""
        add(kind, name, cue_word, span_start, span_end, phrase, platform)
        # The object of "told": "Wu told the Global Times" credits the outlet too.
        if cue_word.endswith("told") or cue_word.endswith("tells"):
            obj, o_start = _phrase_after(sentence, c_end, limit_words=6)
            lead = re.match(r"(?:the\s+)?(?:[A-Z0-9][\w'’.&!-]*\s*)+", obj)
            obj = lead.group(0).strip() if lead else obj  # "ESPN he had no plans" -> "ESPN"
            o_kind, o_name = classify(obj, context) if obj and _named_outlet(obj) else ("", "")
            if o_kind in {"company", "other"} and re.fullmatch(r"(?:the\s+)?[A-Z]{3,5}", obj.strip()):
                o_kind = "media"  # call letters: "told KTLA"
            if o_kind == "media":
                add("media", o_name, "told", o_start, o_start + len(obj), obj)
                found[-2].via = o_name

    # 8. Participles: "The IMF cut its forecast, saying ..." credits the sentence's subject.
    for match in _scan(_PARTICIPLE_RE, sentence, lowered, "saying", "adding", "noting", "warning", "arguing", "insisting"):
        subject = _leading_subject(sentence[: match.start()])
        if subject:
            kind, name = classify(subject, context)
            if kind and kind != "other":
                add(kind, name, match.group(1).lower(), 0, match.end(), subject, _find_platform(sentence))
    for match in _scan(_VIRAL_RE, sentence, lowered, "viral"):
        add("social_media", "social media", match.group(0).lower(), match.start(), match.end(), match.group(0))

    # 9. Social media rumours, anonymity phrases, and "the agency's sources".
    for match in _scan(_SOCIAL_PHRASE_RE, sentence, lowered, "rumo", "post", "video", "photo", "picture", "image", "claim", "message", "comment", "screenshot", "speculation", "hashtag", "thread", "footage", "clip", "livestream"):
        where = match["where"]
        platform = _find_platform("on " + where) or ("" if "social" in where.lower() else "")
        name = re.sub(r"^(?:the\s+)?", "", where, flags=re.I).strip()
        name = "social media" if re.search(r"social\s+media", name, re.I) else next(
            (n for n in _names(where) if PLATFORMS.get(n.lower())), name
        )
        add("social_media", name, match["cue"].lower(), match.start(), match.end(), match.group(0), platform)
    for match in _scan(_MEDIA_RUMOR_RE, sentence, lowered, "media", "press", "newspapers", "outlets"):
        add("media", match["where"], match["cue"].lower(), match.start(), match.end(), match.group(0))
    for match in _scan(_POSSESSIVE_SOURCES_RE, sentence, lowered, "source"):
        owner = match["owner"]
        owner_kind, owner_name = classify(owner, context)
        if owner_kind != "media" and not re.search(r"agency|newspaper|outlet|paper|broadcaster|magazine|publication", owner, re.I):
            continue
        if not re.search(r"\b(?:said|say|says|told|state|stated|opted|claimed|reported|added|confirmed|indicated|" r"remain|asked|declined)\b", match["rest"] + sentence, re.I):
            continue
        via = owner_name if owner_kind == "media" and owner_name and not re.fullmatch(r"(?:the\s+)?news\s+agency", owner_name, re.I) else context.last_media
        add("anonymous", "", f"{owner}'s {match['src']}".strip(), match.start(), match.end("src"), match.group(0), via=via)
    if not any(f.source_type == "anonymous" for f in found):
        for match in _scan(_ANON_PHRASE_RE, sentence, lowered, "anonym", "named", "identified"):
            add("anonymous", "", match.group(0).lower(), match.start(), match.end())

    found = _deduplicate(found)
    _assign_via(found, context)
    return found


# "A user", "another Weibo user", "two netizens": people known only as a platform's users (the head noun).
_PLATFORM_USER_RE = re.compile(r"^(?:\w+\s+){0,3}(?:users?|posters?|commenters?|netizens?)$", re.I)


def _deduplicate(found: list[Found]) -> list[Found]:
    """One attribution per distinct source per sentence; anonymous sources collapse to one."""
    out: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        key_name = item.source_name.lower()
        duplicate = next(
            (
                kept
                for kept in out
                if kept.source_type == item.source_type
                and (
                    kept.source_name.lower() == key_name
                    or item.source_type in {"anonymous"}
                    or (key_name and (key_name in kept.source_name.lower() or kept.source_name.lower() in key_name))
                )
            ),
            None,
        )
        if duplicate is None:
            out.append(item)
        else:
            duplicate.platform = duplicate.platform or item.platform
            duplicate.via = duplicate.via or item.via
    return out


def _assign_via(found: list[Found], context: ArticleContext) -> None:
    """Sources reported in a sentence that also credits an outlet reach the article through it."""
    media = [f for f in found if f.source_type == "media"]
    for item in found:
        if item.via:
            continue
        if item.source_type != "media" and len(media) == 1:
            item.via = media[0].source_name
        elif context.carry_via and context.carry_via != item.source_name:
            item.via = context.carry_via


def _remember(found: list[Found], sentence: str, context: ArticleContext) -> None:
    for item in found:
        if item.source_type in {"official", "company", "expert"} and item.source_name:
            context.people.setdefault(item.source_name, item.source_type)
            parts = item.source_name.split()
            if len(parts) >= 2 and parts[-1][0].isupper():
                context.people.setdefault(parts[-1], item.source_type)  # "Wu Shuocheng" -> "Shuocheng"? also surname
                context.people.setdefault(parts[0], item.source_type) if item.source_type == "expert" else None
        if item.source_type == "media" and item.source_name:
            context.last_media = item.source_name
        if item.source_type not in {"anonymous", "social_media"}:
            context.last_speaker = (item.source_type, item.source_name, context.sentence_index)
    # "Channel News Asia reported:" introduces the next sentence.
    context.carry_via = ""
    if sentence.rstrip().endswith(":"):
        media = [f for f in found if f.source_type == "media"]
        if media:
            context.carry_via = media[-1].source_name
    # Roles named without a cue still teach the types of people: "CEO Elon Musk", "analyst Wu".
    lowered = sentence.lower()
    for match in _scan(_ROLE_NAME_RE, sentence, lowered, *_ROLE_NEEDLES):
        name = match.group(2).strip()
        if name.split()[0] in {"The", "A", "An", "In", "On", "Of"}:
            continue
        before = " ".join(sentence[: match.start()].split()[-4:]) + " "
        company_before = _COMPANY_RE.search(before)
        previous = before.split()[-1] if before.split() else ""
        led_by_a_body = previous[:1].isupper() and previous not in _BEFORE_HEAD_OF_STATE and previous not in PLACES \
            and not previous.endswith((",", ".", ":", ";"))  # "Harvard President ...", not "On Monday, President ..."
        if not company_before and not led_by_a_body and _head_of_state_title(match.group(1) + " " + name):
            kind = "official"  # "President Donald Trump": an office of state, whatever words come before
        else:
            kind = _role_type(before + match.group(1) + " " + name, "", None, company_before) or "other"
        _learn(context, name, kind, found)
    # "Dr. Eleanor Whitcombe, an epidemiologist at Emory University, led ...": the role after the name.
    for match in (_NAME_ROLE_RE.finditer(sentence) if _COMMA_ARTICLE_RE.search(sentence) else ()):
        name = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+", "", match.group(1).strip())
        kind = _role_type(match.group(2), "", _EXPERT_ORG_RE.search(match.group(2)), _COMPANY_RE.search(match.group(2)))
        if kind:
            _learn(context, name, kind, found)


def _learn(context: ArticleContext, name: str, kind: str, found: list) -> None:
    """Remember that ``name`` (and its first and last words) is a source of type ``kind``."""
    context.people.setdefault(name, kind)
    context.people.setdefault(name.split()[-1], kind)
    context.people.setdefault(name.split()[0], kind)  # family name first in Chinese names: "Mao Ning" -> "Mao"
    if not found:
        context.last_speaker = (kind, name, context.sentence_index)


# A role followed by a name: "CEO Elon Musk", "Foreign Ministry spokesperson Mao Ning".
_ROLE_NAME_RE = re.compile(
    r"\b(CEO|[Cc]hief [Ee]xecutive|[Ff]ounder|[Ss]pokes\w+|[Vv]ice[\s-][Pp]resident|[Ee]xecutive|"
    r"[Cc]hairman|[Aa]nalyst|[Ee]conomist|[Pp]rofessor|[Rr]esearcher|[Ss]cientist|[Mm]inister|[Ss]enator|[Gg]overnor|"
    r"[Mm]ayor|[Oo]fficial|[Oo]fficer|[Aa]mbassador|[Ss]trategist|[Dd]irector|[Pp]resident|[Ss]uperintendent|"
    r"Secretary|[Pp]ress [Ss]ecretary|Sen\.|Rep\.|Gov\.|Judge|Attorney General|Speaker|Leader|[Cc]limatologist|"
    r"[Pp]rime [Mm]inister|[Cc]ommissioner|[Ll]awmaker|[Cc]ongressman|[Cc]ongresswoman|Chief|[Ff]orecaster)\s*,?\s+"
    r"((?:[A-Z][\w’'-]+\s*){1,3})"
)


# Every role above contains one of these (lower-cased): sentences without any skip the scan.
_ROLE_NEEDLES = ("ceo", "chief", "founder", "spokes", "executive", "chairman", "analyst", "economist", "professor",
                 "researcher", "scientist", "minister", "senator", "governor", "mayor", "official", "officer",
                 "ambassador", "strategist", "director", "president", "superintendent", "secretary", "sen.", "rep.",
                 "gov.", "judge", "attorney general", "speaker", "leader", "climatologist", "commissioner", "lawmaker",
                 "congress", "forecaster")
_FULL_NAME_RE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|al)\s+)?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?))\b")


def _surnames(sentences: list[str]) -> dict:
    """Surname -> full name for people the article names in full ("Ryan Zinke"), so "Zinke said" is a person."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if "," not in sentence and " " not in sentence:
            continue
        for match in _FULL_NAME_RE.finditer(sentence):
            first, last = match.group(1).split()[0], match.group(2)
            if first.lower() in _common_words() or last in PLACES or _COMPANY_RE.fullmatch(match.group(1)):
                continue
            found.setdefault(last, match.group(1))
    return found


_COMMA_ARTICLE_RE = re.compile(r",\s+(?:an?|the)\s")  # what _NAME_ROLE_RE needs between name and role
_NAME_ROLE_RE = re.compile(
    r"((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),\s+(?:an?|the)\s+([^,.;]{3,80}?)(?=[,.;]|\s+(?:said|says|told|led|wrote))"
)


def extract_article(sentences: list[str]) -> list[list[Found]]:
    """Attributions for each sentence of one article, in order, with context carried forward."""
    context = ArticleContext(surnames=_surnames(sentences))
    results = []
    for index, sentence in enumerate(sentences):
        context.sentence_index = index
        found = extract_sentence(sentence, context)
        _remember(found, sentence, context)
        results.append(found)
    _full_names(results)
    return results


# Surnames of well-known people, to their full names: "Musk" -> "Elon Musk".
FULL_NAMES = {name.split()[-1]: name for name in KNOWN_PEOPLE if len(name.split()) == 2}


def _full_names(results: list[list[Found]]) -> None:
    """Within one article, a surname alone takes the full name used elsewhere in it ("Musk" -> "Elon Musk")."""
    names = {item.source_name for found in results for item in found if len(item.source_name.split()) >= 2}
    for found in results:
        for item in found:
            if item.source_name and len(item.source_name.split()) == 1 and item.source_type not in ("media", "social_media"):
                longer = sorted(n for n in names if item.source_name in n.split())
                if longer:
                    item.source_name = longer[0]
                elif item.source_name in FULL_NAMES:
                    item.source_name = FULL_NAMES[item.source_name]
