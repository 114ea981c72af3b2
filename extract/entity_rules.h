// Private to extract/: the exact rules of entity recognition, where a
// pattern decides without statistics.
#ifndef NEWSDESK_EXTRACT_ENTITY_RULES_H_
#define NEWSDESK_EXTRACT_ENTITY_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/gazetteers.h"
#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {

// A listed share: "NYSE: BABA", "(NASDAQ:AAPL)", "9988.HK", "HKEX: 9988",
// "(BABA)" right after a company name, "$TSLA".
struct TickerMention {
  std::uint32_t start = 0;  // bytes of the symbol itself ("BABA"): [start, end)
  std::uint32_t end = 0;
  std::string exchange;  // normalized ("NYSE", "NASDAQ", "HKEX"); empty when unnamed
  std::string symbol;    // "BABA", "9988"
  // The bytes of the parenthesis or phrase the ticker sits in, so that the
  // company named right before it can be found: the company's span ends at
  // or before `context_start`.
  std::uint32_t context_start = 0;
};
std::vector<TickerMention> FindTickers(std::string_view text, const TokenizedText& tokens);

// "Long Name (LN)", "Long Name, or LN," and "LN (Long Name)": the acronym's
// letters agree with the long form's words (initials, or initials of parts:
// "Alibaba Token Hub (ATH)", "Securities and Exchange Commission (SEC)").
struct AcronymDefinition {
  std::uint32_t long_start = 0, long_end = 0;    // bytes of the long form
  std::uint32_t short_start = 0, short_end = 0;  // bytes of the acronym
};
std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view text,
                                                      const TokenizedText& tokens);

// The longest person title and the longest place name (not an
// organisation's) starting at each token of the gazetteer matches, by token
// index (0 where none does).
struct ListedRuns {
  std::vector<std::uint32_t> title_end;
  std::vector<std::uint32_t> place_end;
};
ListedRuns FindListedRuns(const TokenizedText& tokens, const std::vector<GazetteerMatch>& matches);

// A person named with a title or a role: "CEO Eddie Wu", "Dr. Ana Ruiz",
// "Maria Lopez, chief executive of Example Corp", "Example Corp's chief
// executive, Maria Lopez". The person's span is a name of capitalized words.
struct RoleMention {
  std::uint32_t person_start = 0, person_end = 0;  // bytes of the name
  std::string role;  // normalized lowercase: "chief executive", "president"
  // The organisation the role is at, when the text names it; both 0 when not.
  std::uint32_t org_start = 0, org_end = 0;
};
std::vector<RoleMention> FindRoles(std::string_view text, const TokenizedText& tokens);
// The same with the text's gazetteer matches already found (Gazetteers::Match).
std::vector<RoleMention> FindRoles(std::string_view text, const TokenizedText& tokens,
                                   const std::vector<GazetteerMatch>& matches);

// Named products by their context: "the X app", "X smartphone", "its X
// model", "launched X", "X 2.5", "the iPhone 15". Returns byte spans of the
// product names.
struct ProductMention {
  std::uint32_t start = 0, end = 0;
};
std::vector<ProductMention> FindProducts(std::string_view text, const TokenizedText& tokens);

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_ENTITY_RULES_H_
