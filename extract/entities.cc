// RecognizeEntities: the tagger's spans and the exact rules' spans combined,
// then tied together into the document's entities.
#include "extract/entities.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "extract/entity_rules.h"
#include "extract/gazetteers.h"
#include "extract/internal.h"
#include "extract/ner_tagger.h"
#include "extract/tokenizer.h"

namespace newsdesk {
namespace {

using extract_internal::LowerCase;
using extract_internal::TokenizedText;

// Where a span came from, strongest first: a rule's span wins an overlap
// with the tagger's.
enum class Origin : int {
  kTicker = 0,
  kRule = 1,  // roles, products, acronym definitions
  kTagger = 2,
  kPropagated = 3,  // a form found again elsewhere in the document
};

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  EntityType type = EntityType::kMisc;
  Origin origin = Origin::kTagger;
  // Spans tied by a rule to the entity of another span, found by its bytes:
  // an acronym to its long form, a ticker to its company.
  std::uint32_t link_start = 0;
  std::uint32_t link_end = 0;
  bool linked = false;
  std::string ticker;  // "NYSE:BABA" for ticker spans
  // For a ticker: where its parenthesis or phrase starts; the company is
  // named right before it.
  std::uint32_t ticker_context = 0;
  // Holds its bytes against other spans during selection, then is dropped
  // (an exchange's name inside a ticker's parenthesis).
  bool blocker = false;
};

// True when the text has letters and none of them is lowercase ("ACME").
bool AllCaps(std::string_view s) {
  bool letters = false;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    if (u_isULowercase(c)) return false;
    if (u_isalpha(c)) letters = true;
  }
  return letters;
}

// True when a form found again may be taken as a mention without the tagger:
// it starts with a capital letter or a digit, or with a letter of a script
// without case.
bool StartsLikeAName(std::string_view s) {
  if (s.empty()) return false;
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
  if (c < 0) return false;
  if (u_isupper(c) || u_isdigit(c)) return true;
  return u_isalpha(c) && !u_isULowercase(c) && !u_isUUppercase(c);
}

// True when the token has no letter or digit ("“", "(", "—").
bool IsPunctuation(std::string_view s) {
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
    if (c >= 0 && (u_isalpha(c) || u_isdigit(c))) return false;
  }
  return true;
}

// The token indexes covered by a byte span.
std::pair<std::uint32_t, std::uint32_t> TokenRange(const TokenizedText& tokens, std::uint32_t start,
                                                   std::uint32_t end) {
  auto first = std::lower_bound(
      tokens.tokens.begin(), tokens.tokens.end(), start,
      [](const extract_internal::Token& t, std::uint32_t s) { return t.end <= s; });
  auto last = std::lower_bound(
      first, tokens.tokens.end(), end,
      [](const extract_internal::Token& t, std::uint32_t e) { return t.start < e; });
  return {static_cast<std::uint32_t>(first - tokens.tokens.begin()),
          static_cast<std::uint32_t>(last - tokens.tokens.begin())};
}

std::vector<std::string> FoldedTokens(std::string_view text, const TokenizedText& tokens,
                                      std::uint32_t start, std::uint32_t end) {
  std::vector<std::string> out;
  auto [first, last] = TokenRange(tokens, start, end);
  for (auto i = first; i < last; ++i) out.push_back(LowerCase(tokens.Text(text, tokens.tokens[i])));
  return out;
}

// True when `part` occurs in `whole` as a contiguous run of tokens.
bool ContainsRun(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  if (part.empty() || part.size() >= whole.size()) return false;
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

// "the Kestrel team": the people behind a name, an organisation even where
// the same name is a product elsewhere ("its Kestrel models"). Byte spans of
// the names.
std::vector<std::pair<std::uint32_t, std::uint32_t>> FindTeams(std::string_view text,
                                                               const TokenizedText& tokens) {
  using extract_internal::Gazetteers;
  const auto& gazetteers = Gazetteers::Default();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& sentence : tokens.sentences) {
    for (std::uint32_t i = sentence.first_token + 1;
         i < sentence.end_token && i < tokens.tokens.size(); ++i) {
      const auto word = tokens.Text(text, tokens.tokens[i]);
      if (word != "team" && word != "teams") continue;
      std::uint32_t begin = i;
      while (begin > sentence.first_token && i - begin < 3 &&
             StartsLikeAName(tokens.Text(text, tokens.tokens[begin - 1])))
        --begin;
      // Not "The team" or "Our team": the name's first word is no common word.
      while (begin < i &&
             (gazetteers.ClassesOf(LowerCase(tokens.Text(text, tokens.tokens[begin]))) &
              extract_internal::kGazCommonWord))
        ++begin;
      if (begin < i) out.emplace_back(tokens.tokens[begin].start, tokens.tokens[i - 1].end);
    }
  }
  return out;
}

// "US$2.3 billion", "HK$40", "A$1.2 million": a country's letters glued to
// a dollar sign are the currency of an amount, not a place. True for a
// token of one to three capital letters right before a '$'.
bool IsCurrencyPrefix(std::string_view text, const TokenizedText& tokens, std::size_t t) {
  const auto& token = tokens.tokens[t];
  if (token.end >= text.size() || text[token.end] != '$') return false;
  const std::string_view word = tokens.Text(text, token);
  return !word.empty() && word.size() <= 3 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Titles that are part of the name a person goes by ("Pope Francis",
// "Queen Margrethe", "Sheikh Tamim"): kept in the name.
bool TitleInName(std::string_view title) {
  static const std::unordered_set<std::string> kKept = {
      "king",   "queen", "prince", "princess", "pope", "emperor", "empress",
      "sheikh", "lord",  "lady",   "sir",      "dame", "sister"};
  return kKept.count(LowerCase(title)) > 0;
}

// A person's name as the tagger drew it may start with the person's title
// ("Justice Hélène Beaudry-Nakamura", "Spokesperson Mireille Tancock" at
// the start of a sentence): the title is not part of the name, as news
// corpora annotate it and as the same person is named elsewhere without it.
// Titles are the person_title list's, as written or lower-cased (a
// sentence's first word), one after another ("Foreign Minister", "Dr.").
// Two capitalized words must stay, or one after an abbreviation ("Dr.
// Ruiz"): "General Mills", "Judge Dredd" and "Coach Carter" are names as
// they stand. Titles that people are known by (TitleInName) stay, and so
// does a listed organisation's name.
void TrimLeadingTitles(std::string_view text, const TokenizedText& tokens,
                       const std::vector<extract_internal::GazetteerMatch>& matches,
                       std::vector<Span>& spans) {
  using extract_internal::Gazetteers;
  using extract_internal::kGazOrganization;
  using extract_internal::kGazPersonTitle;
  const auto& gazetteers = Gazetteers::Default();
  const std::vector<std::uint32_t> title_end =
      extract_internal::FindListedRuns(tokens, matches).title_end;
  std::unordered_set<std::uint64_t> organizations;  // first << 32 | end
  for (const auto& m : matches) {
    if (m.classes & kGazOrganization)
      organizations.insert(static_cast<std::uint64_t>(m.first_token) << 32 | m.end_token);
  }
  // The title ends with a full stop ("Dr."), or the list has it with one
  // too: an honorific as British news writes them ("Mr Heath").
  auto abbreviation = [&](std::uint32_t e) {
    const std::string_view w = tokens.Text(text, tokens.tokens[e - 1]);
    return w.back() == '.' || (gazetteers.ClassesOf(std::string(w) + ".") & kGazPersonTitle);
  };
  for (Span& s : spans) {
    if (s.origin != Origin::kTagger || s.type != EntityType::kPerson) continue;
    auto [first, last] = TokenRange(tokens, s.start, s.end);
    if (organizations.count(static_cast<std::uint64_t>(first) << 32 | last)) continue;
    std::uint32_t name = first;
    while (name + 1 < last) {
      std::uint32_t end = title_end[name];
      const std::string_view word = tokens.Text(text, tokens.tokens[name]);
      if (end <= name && (gazetteers.ClassesOf(LowerCase(word)) & kGazPersonTitle)) end = name + 1;
      if (end <= name || end >= last || TitleInName(word)) break;
      if (last - end < 2 && !abbreviation(end)) break;
      if (!StartsLikeAName(tokens.Text(text, tokens.tokens[end]))) break;
      name = end;
    }
    if (name > first) s.start = tokens.tokens[name].start;
  }
}

// Collects the candidate spans: the tagger's and the rules'.
std::vector<Span> CandidateSpans(const extract_internal::NerTagger& tagger, std::string_view text,
                                 const TokenizedText& tokens) {
  using namespace extract_internal;
  std::vector<Span> spans;
  const auto& gazetteers = Gazetteers::Default();
  const auto matches = gazetteers.Match(text, tokens);
  for (const auto& t : tagger.TagDocument(text, tokens, matches)) {
    if (t.first_token >= t.end_token || t.end_token > tokens.tokens.size()) continue;
    if (t.end_token == t.first_token + 1 && IsCurrencyPrefix(text, tokens, t.first_token)) continue;
    Span s;
    s.start = tokens.tokens[t.first_token].start;
    s.end = tokens.tokens[t.end_token - 1].end;
    s.type = t.type;
    s.origin = Origin::kTagger;
    spans.push_back(s);
  }
  // A role says who is a person, but the tagger draws names' edges better
  // ("President Ana Lima Souza"): where the tagger has a span over the name,
  // the span stays and becomes a person; the role's organisation is added
  // only where the tagger saw nothing.
  // The tagger's spans are in text order and apart: the ones over [start,
  // end) are found by binary search.
  const std::size_t tagged = spans.size();
  auto first_tagger_span_ending_after = [&](std::uint32_t start) {
    return static_cast<std::size_t>(
        std::partition_point(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(tagged),
                             [&](const Span& x) { return x.end <= start; }) -
        spans.begin());
  };
  auto tagger_span_over = [&](std::uint32_t start, std::uint32_t end) -> Span* {
    const std::size_t i = first_tagger_span_ending_after(start);
    return i < tagged && spans[i].start < end ? &spans[i] : nullptr;
  };
  for (const auto& r : FindRoles(text, tokens, matches)) {
    if (Span* t = tagger_span_over(r.person_start, r.person_end)) {
      t->type = EntityType::kPerson;
    } else {
      spans.push_back({r.person_start, r.person_end, EntityType::kPerson, Origin::kRule});
    }
    if (r.org_end > r.org_start && !tagger_span_over(r.org_start, r.org_end))
      spans.push_back({r.org_start, r.org_end, EntityType::kOrganization, Origin::kRule});
  }
  TrimLeadingTitles(text, tokens, matches, spans);
  for (const auto& t : FindTeams(text, tokens))
    spans.push_back({t.first, t.second, EntityType::kOrganization, Origin::kRule});
  for (const auto& p : FindProducts(text, tokens))
    spans.push_back({p.start, p.end, EntityType::kProduct, Origin::kRule});
  for (const auto& a : FindAcronymDefinitions(text, tokens)) {
    // The long form keeps the tagger's type where the tagger saw it.
    EntityType type = EntityType::kOrganization;
    std::uint32_t best_overlap = 0;
    for (std::size_t i = first_tagger_span_ending_after(a.long_start);
         i < tagged && spans[i].start < a.long_end; ++i) {
      const auto lo = std::max(spans[i].start, a.long_start),
                 hi = std::min(spans[i].end, a.long_end);
      if (hi - lo > best_overlap) best_overlap = hi - lo, type = spans[i].type;
    }
    spans.push_back({a.long_start, a.long_end, type, Origin::kRule});
    Span acronym{a.short_start, a.short_end, type, Origin::kRule};
    acronym.linked = true;
    acronym.link_start = a.long_start;
    acronym.link_end = a.long_end;
    spans.push_back(acronym);
  }
  for (const auto& t : FindTickers(text, tokens)) {
    Span s{t.start, t.end, EntityType::kTicker, Origin::kTicker};
    s.ticker = t.exchange.empty() ? t.symbol : t.exchange + ":" + t.symbol;
    // The company is the span that ends right before the ticker's context
    // ("Acme Holdings (NYSE: ACME)"): found after selection.
    s.ticker_context = t.context_start;
    spans.push_back(s);
    // An exchange's name inside the ticker's context is not an entity here.
    Span exchange{t.context_start, t.start, EntityType::kMisc, Origin::kTicker};
    exchange.blocker = true;
    if (t.start > t.context_start) spans.push_back(exchange);
  }
  return spans;
}

// Non-overlapping spans, stronger origin first, then longer.
std::vector<Span> SelectSpans(std::vector<Span> spans) {
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.origin != b.origin) return a.origin < b.origin;
    return a.end - a.start > b.end - b.start;
  });
  std::map<std::uint32_t, std::uint32_t> taken;  // start → end of kept spans
  std::vector<Span> kept;
  for (auto& s : spans) {
    if (s.end <= s.start) continue;
    auto next = taken.lower_bound(s.start);
    if (next != taken.end() && next->first < s.end) continue;
    if (next != taken.begin() && std::prev(next)->second > s.start) continue;
    taken.emplace(s.start, s.end);
    kept.push_back(std::move(s));
  }
  std::erase_if(kept, [](const Span& s) { return s.blocker; });
  std::sort(kept.begin(), kept.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  return kept;
}

// Ties each ticker to the company named right before it, retyping that span
// as an organisation.
void LinkTickers(std::string_view text, const TokenizedText& tokens, std::vector<Span>& spans) {
  std::vector<Span> added;
  for (auto& s : spans) {
    if (s.type != EntityType::kTicker || s.origin != Origin::kTicker) continue;
    const std::uint32_t context = s.ticker_context;
    auto near = [&](std::uint32_t end) {
      auto gap = text.substr(end, context - end);
      return gap.size() <= 2 && gap.find_first_not_of(" \t,") == std::string_view::npos;
    };
    // Spans are sorted and apart: the candidate is the last one starting
    // before the context.
    auto it = std::lower_bound(spans.begin(), spans.end(), context,
                               [](const Span& a, std::uint32_t c) { return a.start < c; });
    if (it != spans.begin()) {
      Span& c = *std::prev(it);
      if (c.type != EntityType::kTicker && c.end <= context && near(c.end)) {
        if (c.type != EntityType::kProduct) c.type = EntityType::kOrganization;
        s.linked = true;
        s.link_start = c.start;
        s.link_end = c.end;
        continue;
      }
    }
    // No span there: the capitalized words right before the ticker name the
    // company ("Harbor Foods Group (NYSE: HBF)").
    auto [first, last] = TokenRange(tokens, 0, context);
    if (last == 0) continue;
    // Not across a sentence's start (a headline above).
    auto sentence = std::upper_bound(
        tokens.sentences.begin(), tokens.sentences.end(), last - 1,
        [](std::uint32_t t, const extract_internal::Sentence& x) { return t < x.first_token; });
    if (sentence != tokens.sentences.begin()) first = std::prev(sentence)->first_token;
    std::uint32_t begin = last;
    while (begin > first && last - begin < 6 &&
           StartsLikeAName(tokens.Text(text, tokens.tokens[begin - 1])))
      --begin;
    if (begin == last || !near(tokens.tokens[last - 1].end)) continue;
    bool free = it == spans.begin() || std::prev(it)->end <= tokens.tokens[begin].start;
    if (!free) continue;
    Span company{tokens.tokens[begin].start, tokens.tokens[last - 1].end, EntityType::kOrganization,
                 Origin::kRule};
    s.linked = true;
    s.link_start = company.start;
    s.link_end = company.end;
    added.push_back(company);
  }
  if (added.empty()) return;
  spans.insert(spans.end(), added.begin(), added.end());
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
}

// A tagger's name of two or more words is retyped by its last word: one
// that only organisations end in ("Greyfen Terminals", "Acme Holdings Ltd")
// makes a person or a place an organisation; one that only places end in
// ("Mill Lane", "Harnley Bridge", "Coldwater Creek") makes a person a place.
// Words for open land that are surnames too ("Heath", "Downs", "Bay") make
// a person of two words a place only when the first is no listed first
// name or title ("Dunmore Heath", not "Edward Heath" or "Mr Heath"); other
// place words that are surnames ("Hill", "Park", "Lake", "Street") are left
// to the tagger.
void RetypeByLastWord(std::string_view text, const TokenizedText& tokens,
                      std::vector<Span>& spans) {
  using extract_internal::Gazetteers;
  static constexpr std::string_view kPlaceEndings[] = {
      "Lane",    "Road",      "Rd.",    "Avenue",  "Ave.",      "Boulevard", "Square",   "Bridge",
      "River",   "Valley",    "Island", "Islands", "Peninsula", "Mountains", "Airport",  "Harbour",
      "Harbor",  "Creek",     "Canal",  "Quay",    "Wharf",     "Pier",      "Crescent", "Terrace",
      "Estuary", "Reservoir", "Moor",   "Fjord",   "Glen",      "Heights"};
  static constexpr std::string_view kLandEndings[] = {
      "Heath", "Downs", "Flats", "Plains", "Ridge", "Springs", "Bay", "Point", "Marsh", "Fen"};
  const auto& gazetteers = Gazetteers::Default();
  for (auto& s : spans) {
    if (s.origin != Origin::kTagger || s.type == EntityType::kOrganization) continue;
    auto [first, last] = TokenRange(tokens, s.start, s.end);
    if (last < first + 2) continue;
    const std::string_view end = tokens.Text(text, tokens.tokens[last - 1]);
    auto listed = [&](const auto& words) {
      return std::find(std::begin(words), std::end(words), end) != std::end(words);
    };
    if (gazetteers.ClassesOf(end) &
        (extract_internal::kGazOrgWord | extract_internal::kGazCorporateSuffix)) {
      s.type = EntityType::kOrganization;
    } else if (s.type == EntityType::kPerson &&
               (listed(kPlaceEndings) ||
                (last == first + 2 && listed(kLandEndings) &&
                 !(gazetteers.ClassesOf(tokens.Text(text, tokens.tokens[first])) &
                   (extract_internal::kGazFirstName | extract_internal::kGazPersonTitle))))) {
      s.type = EntityType::kLocation;
    }
  }
}

// A single word the tagger took for a place in "the Dunleavy family" is a
// surname: a person.
void RetypeFamilyNames(std::string_view text, const TokenizedText& tokens,
                       std::vector<Span>& spans) {
  for (auto& s : spans) {
    if (s.origin != Origin::kTagger ||
        (s.type != EntityType::kLocation && s.type != EntityType::kMisc))
      continue;
    auto [first, last] = TokenRange(tokens, s.start, s.end);
    if (last == first + 1 && first > 0 && last < tokens.tokens.size() &&
        LowerCase(tokens.Text(text, tokens.tokens[first - 1])) == "the" &&
        tokens.Text(text, tokens.tokens[last]) == "family")
      s.type = EntityType::kPerson;
  }
}

// The tagger may call one form by different types in one document; the
// majority of its tagger spans decides (rules' spans keep their type: "the
// Kestrel model" and "the Kestrel team" are two entities).
// A headline is telegraphic ("Saltmarsh End solar co-op signs up …" reads
// like a company's name): a span in the first line of a text that goes on
// after it has two thirds of the vote of one in the body, so that the body
// decides where the two disagree once each (two in the headline still
// outvote one in the body).
void HarmonizeTypes(std::string_view text, std::vector<Span>& spans) {
  const std::size_t first_line_end = text.find('\n');
  auto weight = [&](const Span& s) {
    return first_line_end != std::string_view::npos && s.end <= first_line_end ? 2 : 3;
  };
  std::map<std::string, std::map<EntityType, int>> votes;
  for (const auto& s : spans)
    if (s.origin == Origin::kTagger)
      votes[LowerCase(text.substr(s.start, s.end - s.start))][s.type] += weight(s);
  for (auto& s : spans) {
    if (s.origin != Origin::kTagger) continue;
    const auto& v = votes[LowerCase(text.substr(s.start, s.end - s.start))];
    auto best = std::max_element(v.begin(), v.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second > v.at(s.type)) s.type = best->first;
  }
}

struct Group {
  EntityType type = EntityType::kMisc;
  std::vector<std::string> forms;  // distinct forms, first-use order
  std::vector<std::string> tickers;
  std::uint32_t mentions = 0;
  std::uint32_t first_start = 0;
  bool ambiguous = false;
};

struct Grouping {
  std::vector<Group> groups;
  std::vector<int> span_group;  // per span
};

// "Fleetwise Systems and Haulio Logistics" tagged as one name where the text
// also names each on its own: two names. (A name that is never split
// elsewhere, "Marks and Spencer", stays whole.)
void SplitJoinedNames(std::string_view text, std::vector<Span>& spans) {
  std::unordered_set<std::string_view> names;
  for (const Span& s : spans)
    if (!s.linked && !s.blocker) names.insert(text.substr(s.start, s.end - s.start));
  std::vector<Span> out;
  out.reserve(spans.size());
  for (const Span& s : spans) {
    const std::string_view form = text.substr(s.start, s.end - s.start);
    bool split = false;
    if (!s.linked && !s.blocker && s.type != EntityType::kTicker) {
      for (std::string_view joint : {" and ", " & "}) {
        const auto at = form.find(joint);
        if (at == std::string_view::npos) continue;
        const std::string_view left = form.substr(0, at), right = form.substr(at + joint.size());
        if (!names.count(left) || !names.count(right)) continue;
        Span a = s, b = s;
        a.end = s.start + static_cast<std::uint32_t>(at);
        b.start = s.start + static_cast<std::uint32_t>(at + joint.size());
        out.push_back(a);
        out.push_back(b);
        split = true;
        break;
      }
    }
    if (!split) out.push_back(s);
  }
  spans = std::move(out);
}

// Words that make an organisation's name the name of a part of it: a unit,
// a subsidiary's line of business ("Alibaba Cloud", "Meta Platforms Labs").
bool IsPartOfOrganizationWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "hub",      "cloud",    "lab",      "labs",      "laboratory", "laboratories", "unit",
      "division", "business", "research", "ventures",  "foundation", "institute",    "studio",
      "studios",  "academy",  "capital",  "pay",       "music",      "pictures",     "games",
      "health",   "bank",     "network",  "logistics", "arm",        "team",         "services"};
  return kWords.count(w) > 0;
}

// Entities of the spans: one per normalized name and type, short person names
// joined to the longer name containing them, acronyms and tickers to theirs.
Grouping GroupSpans(std::string_view text, const TokenizedText& tokens, std::vector<Span>& spans) {
  Grouping g;
  g.span_group.assign(spans.size(), -1);
  std::map<std::pair<EntityType, std::string>, int> by_key;
  auto form_of = [&](const Span& s) { return std::string(text.substr(s.start, s.end - s.start)); };

  // Persons: longest names first, so that each shorter one can find the
  // names that contain it.
  std::vector<std::size_t> order(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) order[i] = i;
  std::vector<std::vector<std::string>> folded(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i)
    folded[i] = FoldedTokens(text, tokens, spans[i].start, spans[i].end);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return folded[a].size() > folded[b].size();
  });

  // Places keep their type: "U.S." alone is the country, not the "U.S.
  // Senate".
  const auto& gazetteers = extract_internal::Gazetteers::Default();
  constexpr std::uint32_t kPlace =
      extract_internal::kGazCountry | extract_internal::kGazCity | extract_internal::kGazRegion;
  auto is_place = [&](const Span& s) {
    return (gazetteers.ClassesOf(text.substr(s.start, s.end - s.start)) & kPlace) != 0;
  };
  auto join = [](auto begin, auto end) {
    std::string k;
    for (auto it = begin; it != end; ++it) k.append(*it).push_back(' ');
    return k;
  };
  // A name of several words that opens an organisation's longer name is that
  // organisation ("Halden Rowe" after "Halden Rowe Therapeutics"), unless
  // the tagger read it as a place and every such organisation is an
  // institution, whose name ends in a word like "Hospital" or "College":
  // institutions are named after where they are ("patients from Kestrel
  // Bay" and "Kestrel Bay General Hospital").
  struct Opened {
    bool by_company = false;  // some organisation it opens is no institution
  };
  std::unordered_map<std::string, Opened> org_openings;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].type != EntityType::kOrganization || folded[i].size() < 2) continue;
    const auto last = TokenRange(tokens, spans[i].start, spans[i].end).second - 1;
    const bool institution = IsInstitutionWord(tokens.Text(text, tokens.tokens[last]));
    for (std::size_t n = 1; n < folded[i].size(); ++n) {
      Opened& o =
          org_openings[join(folded[i].begin(), folded[i].begin() + static_cast<std::ptrdiff_t>(n))];
      o.by_company = o.by_company || !institution;
    }
  }
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].origin != Origin::kTagger || folded[i].size() < 2 ||
        spans[i].type == EntityType::kOrganization || is_place(spans[i]))
      continue;
    const auto opened = org_openings.find(join(folded[i].begin(), folded[i].end()));
    if (opened == org_openings.end()) continue;
    if (spans[i].type == EntityType::kLocation && !opened->second.by_company) continue;
    spans[i].type = EntityType::kOrganization;
  }
  // Single-token spans of another type that are part of a person's name are
  // that person ("Wu" tagged as a place after "Ana Wu Lin").
  std::unordered_set<std::string> person_words;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].type == EntityType::kPerson && folded[i].size() > 1)
      person_words.insert(folded[i].begin(), folded[i].end());
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].origin == Origin::kTagger && folded[i].size() == 1 &&
        person_words.count(folded[i][0]))
      spans[i].type = EntityType::kPerson;
  // Likewise a single word that opens an organisation's longer name is that
  // organisation ("Greyfen" after "Greyfen Terminals"), unless it is part of
  // a person's name.
  std::unordered_set<std::string> org_first_words;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].type == EntityType::kOrganization && folded[i].size() > 1)
      org_first_words.insert(folded[i][0]);
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].origin == Origin::kTagger && folded[i].size() == 1 &&
        !person_words.count(folded[i][0]) && org_first_words.count(folded[i][0]) &&
        !is_place(spans[i]))
      spans[i].type = EntityType::kOrganization;
  // How often each run of words is used for a person, for choosing whom a
  // bare surname means: the person named most.
  std::unordered_map<std::string, int> person_uses;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].type == EntityType::kPerson)
      ++person_uses[join(folded[i].begin(), folded[i].end())];
  auto prominence = [&](const std::vector<std::string>& name) {
    int uses = 0;
    for (std::size_t a = 0; a < name.size(); ++a)
      for (std::size_t b = a + 1; b <= name.size(); ++b) {
        auto it = person_uses.find(join(name.begin() + a, name.begin() + b));
        if (it != person_uses.end()) uses += it->second;
      }
    return uses;
  };

  std::vector<int> org_roots;  // groups of organisations' names of two or more words
  std::vector<std::vector<std::string>> org_root_tokens;
  std::vector<int> person_roots;  // groups of full person names
  std::vector<std::vector<std::string>> person_root_tokens;
  auto new_group = [&](EntityType type) {
    g.groups.push_back({});
    g.groups.back().type = type;
    return static_cast<int>(g.groups.size() - 1);
  };
  // First pass: everything but linked spans (acronyms, tickers).
  for (std::size_t i : order) {
    Span& s = spans[i];
    if (s.linked || s.type == EntityType::kTicker) continue;
    const std::string key = NormalizeEntityName(form_of(s), s.type);
    if (key.empty()) continue;
    auto it = by_key.find({s.type, key});
    if (it != by_key.end()) {
      g.span_group[i] = it->second;
      continue;
    }
    if (s.type == EntityType::kPerson) {
      std::vector<std::size_t> containing;  // indexes into person_roots
      for (std::size_t r = 0; r < person_roots.size(); ++r)
        if (ContainsRun(person_root_tokens[r], folded[i])) containing.push_back(r);
      if (!containing.empty()) {
        std::size_t best = 0;
        for (std::size_t c = 1; c < containing.size(); ++c)
          if (prominence(person_root_tokens[containing[c]]) >
              prominence(person_root_tokens[containing[best]]))
            best = c;
        const int group = person_roots[containing[best]];
        if (containing.size() > 1) g.groups[static_cast<std::size_t>(group)].ambiguous = true;
        g.span_group[i] = group;
        by_key[{s.type, key}] = group;
        continue;
      }
      const int id = new_group(s.type);
      person_roots.push_back(id);
      person_root_tokens.push_back(folded[i]);
      g.span_group[i] = id;
      by_key[{s.type, key}] = id;
      continue;
    }
    if (s.type == EntityType::kOrganization) {
      // The opening words of exactly one longer name of an organisation,
      // unless the rest names a part of it ("Alibaba" is not "Alibaba
      // Cloud"); or, two words or more, its closing words ("Token Hub"
      // after "Alibaba Token Hub").
      int joined = -1, candidates = 0;
      for (std::size_t r = 0; r < org_roots.size(); ++r) {
        const auto& name = org_root_tokens[r];
        if (name.size() <= folded[i].size()) continue;
        const auto rest = name.begin() + static_cast<std::ptrdiff_t>(folded[i].size());
        if (std::equal(folded[i].begin(), folded[i].end(), name.begin())) {
          if (std::none_of(rest, name.end(), IsPartOfOrganizationWord))
            ++candidates, joined = org_roots[r];
        } else if (folded[i].size() >= 2 &&
                   std::equal(folded[i].rbegin(), folded[i].rend(), name.rbegin()) &&
                   std::find(name.begin(), name.end(), "and") == name.end() &&
                   std::find(name.begin(), name.end(), "&") == name.end()) {
          ++candidates, joined = org_roots[r];
        }
      }
      if (candidates == 1) {
        g.span_group[i] = joined;
        by_key[{s.type, key}] = joined;
        continue;
      }
    }
    const int id = new_group(s.type);
    g.span_group[i] = id;
    by_key[{s.type, key}] = id;
    if (s.type == EntityType::kOrganization && folded[i].size() > 1) {
      org_roots.push_back(id);
      org_root_tokens.push_back(folded[i]);
    }
  }
  // Second pass: acronyms and tickers join the span they are tied to.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> at;
  for (std::size_t i = 0; i < spans.size(); ++i) at[{spans[i].start, spans[i].end}] = i;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    Span& s = spans[i];
    if (g.span_group[i] >= 0) continue;
    int target = -1;
    if (s.linked)
      if (auto it = at.find({s.link_start, s.link_end}); it != at.end())
        target = g.span_group[it->second];
    if (target < 0 && s.type == EntityType::kTicker) {
      auto it = by_key.find({EntityType::kTicker, s.ticker});
      target = it != by_key.end() ? it->second : new_group(EntityType::kTicker);
      by_key[{EntityType::kTicker, s.ticker}] = target;
    } else if (target < 0) {
      // A span the first pass left out because its words normalize to
      // nothing ("@" tagged as a name) names no entity here either.
      const std::string key = NormalizeEntityName(form_of(s), s.type);
      if (key.empty()) continue;
      auto it = by_key.find({s.type, key});
      target = it != by_key.end() ? it->second : new_group(s.type);
      by_key[{s.type, key}] = target;
    }
    g.span_group[i] = target;
    if (s.type != EntityType::kTicker) s.type = g.groups[static_cast<std::size_t>(target)].type;
    // Uses of the acronym the tagger found on their own are the long form's
    // entity too.
    if (s.linked && s.type != EntityType::kTicker) {
      const std::pair<EntityType, std::string> key{s.type, NormalizeEntityName(form_of(s), s.type)};
      auto it = by_key.find(key);
      if (it != by_key.end() && it->second != target) {
        for (auto& group : g.span_group)
          if (group == it->second) group = target;
      }
      by_key[key] = target;
    }
    auto& tickers = g.groups[static_cast<std::size_t>(target)].tickers;
    if (!s.ticker.empty() && std::find(tickers.begin(), tickers.end(), s.ticker) == tickers.end())
      tickers.push_back(s.ticker);
  }
  return g;
}

// Tokens of sentences written in capitals (headlines), by token index.
std::vector<bool> TokensInCapitals(std::string_view text, const TokenizedText& tokens) {
  std::vector<bool> in_capitals(tokens.tokens.size(), false);
  for (const auto& s : tokens.sentences) {
    if (s.end_token <= s.first_token || s.end_token > tokens.tokens.size()) continue;
    const auto from = tokens.tokens[s.first_token].start, to = tokens.tokens[s.end_token - 1].end;
    if (s.end_token - s.first_token >= 2 && AllCaps(text.substr(from, to - from)))
      for (auto t = s.first_token; t < s.end_token; ++t) in_capitals[t] = true;
  }
  return in_capitals;
}

// In a headline in capitals the tagger has little to go on ("HARBORLINE
// UNVEILS COMPUTE EXCHANGE" reads as one name): of its spans there, only
// names the body uses too are kept, and Propagate finds the body's names in
// the headline. A text all in capitals keeps every span.
void KeepCapitalsSpansTheBodyConfirms(std::string_view text, const TokenizedText& tokens,
                                      const std::vector<bool>& in_capitals,
                                      std::vector<Span>& spans) {
  auto first_token = [&](const Span& s) { return TokenRange(tokens, s.start, s.end).first; };
  std::unordered_set<std::string> body_forms;
  for (const auto& s : spans) {
    const auto t = first_token(s);
    if (t < in_capitals.size() && !in_capitals[t])
      body_forms.insert(LowerCase(text.substr(s.start, s.end - s.start)));
  }
  if (body_forms.empty()) return;
  std::erase_if(spans, [&](const Span& s) {
    const auto t = first_token(s);
    return s.origin == Origin::kTagger && t < in_capitals.size() && in_capitals[t] &&
           !body_forms.count(LowerCase(text.substr(s.start, s.end - s.start)));
  });
}

// A sentence's first word is capitalized whatever it is: a word the tagger
// took for a person there alone ("Nausea was the most common side effect")
// is an ordinary word when the dictionary has it as a word and not as a
// name (IsDictionaryWord: "nausea", not "gore"), no name list has it, and
// the document never capitalizes it elsewhere, neither inside a sentence
// nor within a longer name.
void DropCapitalizedWordsOpeningSentences(std::string_view text, const TokenizedText& tokens,
                                          const std::vector<bool>& in_capitals,
                                          std::vector<Span>& spans) {
  using namespace extract_internal;
  auto one_word_person = [&](const Span& s) {
    if (s.origin != Origin::kTagger || s.type != EntityType::kPerson) return false;
    auto [first, last] = TokenRange(tokens, s.start, s.end);
    return last == first + 1;
  };
  if (std::none_of(spans.begin(), spans.end(), one_word_person)) return;
  const auto& gazetteers = Gazetteers::Default();
  std::vector<bool> opens(tokens.tokens.size(), false);
  for (const auto& s : tokens.sentences) {
    // Not after a single line break: in text wrapped by hand ("… was
    // criticised on Monday by\nGore, who …") no sentence starts there.
    if (!s.after_end || s.first_token >= tokens.tokens.size()) continue;
    auto t = s.first_token;
    // After an opening quote, bracket or dash, the next word opens it too.
    while (t + 1 < s.end_token && t < tokens.tokens.size() &&
           IsPunctuation(tokens.Text(text, tokens.tokens[t])))
      ++t;
    if (t < opens.size()) opens[t] = true;
  }
  std::unordered_set<std::string_view> capitalized_inside;
  for (std::size_t t = 0; t < tokens.tokens.size(); ++t) {
    if (opens[t] || in_capitals[t]) continue;
    const auto word = tokens.Text(text, tokens.tokens[t]);
    if (StartsLikeAName(word)) capitalized_inside.insert(word);
  }
  constexpr std::uint32_t kNames = kGazFirstName | kGazSurname | kGazCountry | kGazCity |
                                   kGazRegion | kGazNationality | kGazOrganization | kGazExchange;
  std::erase_if(spans, [&](const Span& s) {
    if (!one_word_person(s)) return false;
    const auto first = TokenRange(tokens, s.start, s.end).first;
    if (!opens[first] || in_capitals[first]) return false;
    const auto word = tokens.Text(text, tokens.tokens[first]);
    if (AllCaps(word) || capitalized_inside.count(word) || (gazetteers.ClassesOf(word) & kNames))
      return false;
    return IsDictionaryWord(LowerCase(word));
  });
}

// Forms of the document's entities found again where neither the tagger nor
// a rule saw them: acronyms, tickers and names of two or more words anywhere;
// one-word names where they do not open a sentence.
void Propagate(std::string_view text, const TokenizedText& tokens,
               const std::vector<bool>& in_capitals, std::vector<Span>& spans,
               std::vector<int>& span_group) {
  struct Form {
    std::vector<std::string> words;   // exact, not folded: "Apple" and "apple" differ
    std::vector<std::string> folded;  // for lines in capitals ("APPLE")
    EntityType type;
    int group;
    bool anywhere;
  };
  std::unordered_map<std::string, std::vector<Form>> by_first, by_first_folded;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (span_group[i] < 0) continue;
    const auto form = text.substr(spans[i].start, spans[i].end - spans[i].start);
    if (!StartsLikeAName(form)) continue;
    auto [first, last] = TokenRange(tokens, spans[i].start, spans[i].end);
    if (first >= last) continue;
    Form f;
    for (auto t = first; t < last; ++t) {
      f.words.emplace_back(tokens.Text(text, tokens.tokens[t]));
      f.folded.push_back(LowerCase(f.words.back()));
    }
    f.type = spans[i].type;
    f.group = span_group[i];
    f.anywhere = f.words.size() > 1 || spans[i].type == EntityType::kTicker ||
                 (AllCaps(form) && form.size() >= 2);
    auto& list = by_first[f.words.front()];
    bool seen = false;
    for (const auto& o : list) seen = seen || (o.words == f.words && o.group == f.group);
    if (seen) continue;
    by_first_folded[f.folded.front()].push_back(f);
    list.push_back(std::move(f));
  }
  // Sentences in capitals (headlines) are matched case-insensitively.
  if (by_first.empty()) return;
  std::vector<bool> sentence_start(tokens.tokens.size(), false);
  for (const auto& s : tokens.sentences)
    if (s.first_token < sentence_start.size()) sentence_start[s.first_token] = true;
  std::vector<bool> covered(tokens.tokens.size(), false);
  for (const auto& s : spans) {
    auto [first, last] = TokenRange(tokens, s.start, s.end);
    for (auto t = first; t < last; ++t) covered[t] = true;
  }
  std::vector<Span> found;
  std::vector<int> found_group;
  for (std::size_t t = 0; t < tokens.tokens.size(); ++t) {
    if (covered[t] || IsCurrencyPrefix(text, tokens, t)) continue;
    const bool capitals = in_capitals[t];
    const auto& index = capitals ? by_first_folded : by_first;
    const std::string word(tokens.Text(text, tokens.tokens[t]));
    auto it = index.find(capitals ? LowerCase(word) : word);
    if (it == index.end()) continue;
    const Form* best = nullptr;
    for (const auto& f : it->second) {
      if (t + f.words.size() > tokens.tokens.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < f.words.size() && match; ++k) {
        auto w = tokens.Text(text, tokens.tokens[t + k]);
        match = !covered[t + k] && (capitals ? LowerCase(w) == f.folded[k] : w == f.words[k]);
      }
      if (!match || (!f.anywhere && sentence_start[t] && !capitals)) continue;
      if (!best || f.words.size() > best->words.size()) best = &f;
    }
    if (!best) continue;
    Span s{tokens.tokens[t].start, tokens.tokens[t + best->words.size() - 1].end, best->type,
           Origin::kPropagated};
    for (std::size_t k = 0; k < best->words.size(); ++k) covered[t + k] = true;
    found.push_back(s);
    found_group.push_back(best->group);
    t += best->words.size() - 1;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    spans.push_back(found[i]);
    span_group.push_back(found_group[i]);
  }
}

// The name an entity goes by: its longest form, preferring one in mixed case
// over an all-caps headline's.
std::size_t PickName(const Group& g) {
  std::size_t best = 0;
  auto rank = [&](const std::string& f) {
    std::size_t words = 1 + static_cast<std::size_t>(std::count(f.begin(), f.end(), ' '));
    return std::make_tuple(!AllCaps(f) || f.size() <= 5, words, f.size());
  };
  for (std::size_t i = 1; i < g.forms.size(); ++i)
    if (rank(g.forms[i]) > rank(g.forms[best])) best = i;
  return best;
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kMisc:
      return "MISC";
    case EntityType::kProduct:
      return "PRODUCT";
    case EntityType::kTicker:
      return "TICKER";
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  const std::string n = LowerCase(name);
  static const std::pair<std::string_view, EntityType> kNames[] = {
      {"per", EntityType::kPerson},
      {"person", EntityType::kPerson},
      {"people", EntityType::kPerson},
      {"org", EntityType::kOrganization},
      {"organization", EntityType::kOrganization},
      {"organisation", EntityType::kOrganization},
      {"company", EntityType::kOrganization},
      {"loc", EntityType::kLocation},
      {"location", EntityType::kLocation},
      {"place", EntityType::kLocation},
      {"misc", EntityType::kMisc},
      {"product", EntityType::kProduct},
      {"ticker", EntityType::kTicker},
  };
  for (const auto& [k, v] : kNames)
    if (n == k) return v;
  return std::nullopt;
}

Result<DocumentEntities> RecognizeEntities(std::string_view text, const EntityOptions& options) {
  return extract_internal::RecognizeEntitiesWith(extract_internal::NerTagger::Default(), text,
                                                 options);
}

Result<DocumentEntities> extract_internal::RecognizeEntitiesWith(const NerTagger& tagger,
                                                                 std::string_view text,
                                                                 const EntityOptions& options) {
  if (const auto bad = FirstInvalidUtf8(text); bad < text.size())
    return Status::InvalidInput("text is not UTF-8 (ill-formed byte at offset " +
                                std::to_string(bad) + ")");
  if (text.size() > options.max_text_bytes) {
    std::size_t cut = options.max_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const auto tokens = extract_internal::Tokenize(text, options.max_sentence_tokens);
  auto spans = SelectSpans(CandidateSpans(tagger, text, tokens));
  const std::vector<bool> in_capitals = TokensInCapitals(text, tokens);
  KeepCapitalsSpansTheBodyConfirms(text, tokens, in_capitals, spans);
  DropCapitalizedWordsOpeningSentences(text, tokens, in_capitals, spans);
  LinkTickers(text, tokens, spans);
  RetypeByLastWord(text, tokens, spans);
  RetypeFamilyNames(text, tokens, spans);
  HarmonizeTypes(text, spans);
  SplitJoinedNames(text, spans);
  auto grouping = GroupSpans(text, tokens, spans);
  Propagate(text, tokens, in_capitals, spans, grouping.span_group);

  // Mentions in text order; entities numbered by first mention.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (grouping.span_group[i] >= 0) order.push_back(i);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return spans[a].start < spans[b].start; });
  DocumentEntities out;
  std::vector<int> entity_of_group(grouping.groups.size(), -1);
  for (std::size_t i : order) {
    const auto gi = static_cast<std::size_t>(grouping.span_group[i]);
    auto& group = grouping.groups[gi];
    if (entity_of_group[gi] < 0) {
      entity_of_group[gi] = static_cast<int>(out.entities.size());
      out.entities.push_back({});
    }
    ++group.mentions;
    std::string form(text.substr(spans[i].start, spans[i].end - spans[i].start));
    const bool ticker_of_company =
        spans[i].type == EntityType::kTicker && group.type != EntityType::kTicker;
    if (!ticker_of_company &&
        std::find(group.forms.begin(), group.forms.end(), form) == group.forms.end())
      group.forms.push_back(std::move(form));
    out.mentions.push_back({spans[i].start, spans[i].end, spans[i].type,
                            static_cast<std::uint32_t>(entity_of_group[gi])});
  }
  for (std::size_t gi = 0; gi < grouping.groups.size(); ++gi) {
    if (entity_of_group[gi] < 0) continue;
    const auto& group = grouping.groups[gi];
    auto& e = out.entities[static_cast<std::size_t>(entity_of_group[gi])];
    const std::size_t name = PickName(group);
    e.name = group.forms[name];
    e.type = group.type;
    e.tickers = group.tickers;
    e.mention_count = group.mentions;
    e.ambiguous_short_form = group.ambiguous;
    // One spelling per form without case, the body's over a headline's.
    std::vector<std::string> folded{LowerCase(e.name)};
    for (const auto& f : group.forms) {
      std::string key = LowerCase(f);
      auto seen = std::find(folded.begin(), folded.end(), key);
      if (seen == folded.end()) {
        folded.push_back(std::move(key));
        e.aliases.push_back(f);
      } else if (seen != folded.begin()) {
        std::string& spelling = e.aliases[static_cast<std::size_t>(seen - folded.begin()) - 1];
        if (AllCaps(spelling) && !AllCaps(f)) spelling = f;
      }
    }
  }
  return out;
}

}  // namespace newsdesk
