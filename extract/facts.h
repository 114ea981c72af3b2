// Facts: the normalized claims (subject, predicate, object[, qualifiers]) a
// text makes about the entities RecognizeEntities found in it, each with
// the sentence it comes from and who the claim is attributed to.
//
// Extraction is rules over tokens, entity mentions and a small verb lexicon
// (kVerbLexicon in extract/facts.cc, listed in extract/README.md): no parser.
// Precision comes before recall: a sentence the rules do not read with
// confidence gives no fact rather than a doubtful one. Pure functions,
// thread-safe, no I/O.
#ifndef NEWSDESK_EXTRACT_FACTS_H_
#define NEWSDESK_EXTRACT_FACTS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/entities.h"

namespace newsdesk {

// Seconds since 1970-01-01T00:00:00Z (as in extract/extract.h).
using UnixSeconds = std::int64_t;

// One side of a fact.
struct FactArgument {
  enum class Kind : std::uint8_t {
    kEntity,  // a mention of a document entity
    kValue,   // a quantity or a date
    kText,    // words that name neither (a role without its organisation)
  };
  Kind kind = Kind::kText;
  std::string text;  // as written in the sentence
  // What two facts are compared by. Entities: NormalizeEntityName of the
  // document entity's name (its longest form, so "Wu" in a text that also
  // says "Eddie Wu Yongming" keys as "eddie wu yongming"; a claim that says
  // only "Eddie Wu" keys as "eddie wu": matching a claim to a fact by name
  // containment is the store's business). Values: canonical ("2026-03-16",
  // "10-20 times", "100-999 %", "3"). Text: lower-cased, whitespace collapsed.
  std::string key;
  EntityType type = EntityType::kMisc;  // meaningful for kEntity only
  std::int32_t entity = -1;             // index into DocumentEntities::entities; -1 if none
};

// A number or range with its unit: "10 to 20 times cheaper" → {10, 20,
// "times", "cheaper"}; "3%" → {3, 3, "%", ""}; "triple digits" → {100, 999,
// "%", ""}; "the third senior executive" → {3, 3, "ordinal", ""}.
struct Quantity {
  double low = 0;
  double high = 0;
  // "times", "%", "usd", "people", "ordinal", or "" for a bare number.
  std::string unit;
  // The comparative the quantity goes with ("cheaper", "less", "more",
  // "faster"), or empty.
  std::string comparison;
};

// "10-20 times cheaper", "3 %", "5000000000 usd", "3 ordinal": a quantity as
// one string, the same for the same quantity however it was written (the key
// of a fact whose object is an amount, and how it is shown).
std::string QuantityText(const Quantity& q);

struct Fact {
  FactArgument subject;
  // The lemma: "lead", "hold role", "create", "include", "leave",
  // "appoint", "acquire", "cost", "report", "rise", "fall".
  std::string predicate;
  // The synonym class the lemma belongs to ("lead" for head, run, helm;
  // "create" for form, establish, set up, unveil, launch; "include" for
  // combine, bundle, consolidate, merge, bring together; "leave" for depart,
  // exit, quit, resign; "role" for "hold role"); else the lemma itself.
  std::string predicate_class;
  FactArgument object;
  bool negated = false;             // "did not", "never", "denied that"
  bool hedged = false;              // "reportedly", "is expected to", "may", "could"
  std::optional<std::string> role;  // role facts: "chief executive", "president"
  std::optional<std::string> date;  // the event's date "YYYY-MM-DD", resolved
  std::optional<Quantity> quantity;
  // Who the claim comes from: the name of a named upstream ("Reuters") or
  // speaker ("Eddie Wu Yongming", "Alibaba" for "the company said"); empty
  // when the article says it in its own voice.
  std::string origin;
  // How the origin was given: "according_to", "reported_by", "said",
  // "statement", "memo", "quote", "report" (an unnamed report: "the report
  // notes", "reports suggest"; origin is empty), or "" (none).
  std::string origin_kind;
  std::uint32_t sentence_start = 0;  // bytes of the evidence sentence in the text: [start, end)
  std::uint32_t sentence_end = 0;
  std::string evidence;  // the sentence itself
};

struct ArticleFacts {
  std::vector<Fact> facts;  // in text order
  // What the article says of its own sourcing: "Verified by 4 sources",
  // "according to three people familiar with the matter" → 4, 3. The first
  // such statement in the text; nullopt when there is none.
  std::optional<int> declared_source_count;
  // Named upstreams the article cites ("according to Reuters", "as reported
  // by the Financial Ledger", "Reuters reported"), in order of first
  // citation, distinct.
  std::vector<std::string> citations;
  // The upstream the article credits for its whole text, when it does: a
  // dateline's credit ("TOLLBRIDGE (Lantern Wire) —", "LONDON, Oct 29
  // (Reuters) -", "(CNN) —") or a credit line of its own ("This story was
  // originally published by the Harbour Post", "First appeared in X",
  // "Republished with permission from X"). Empty when there is none.
  std::string credit;
};

struct FactOptions {
  // Texts longer than this are refused with kTooLarge. Default: 4 MiB (as
  // EntityOptions::max_text_bytes).
  std::size_t max_text_bytes = 4u << 20;
  // Sentences longer than this give no facts (a run of text without full
  // stops is no sentence a rule can read). Default: 2,000 bytes.
  std::size_t max_sentence_bytes = 2000;
  // Facts kept per text; the rest are dropped. Default: 2,000.
  std::size_t max_facts = 2000;
  // Members of one list read as objects ("combines A, B and C").
  // Default: 16.
  std::size_t max_list_members = 16;
};

// The facts of a UTF-8 text (`title + "\n\n" + text` for an article) whose
// entities are `entities` (RecognizeEntities of the same text: mention
// offsets must be into it). `published` resolves relative dates ("on
// Monday", "March 3"); without it only dates that name their year resolve.
// Fails with kInvalidInput when the text is not UTF-8 or a mention lies
// outside it, kTooLarge over options.max_text_bytes.
Result<ArticleFacts> ExtractFacts(std::string_view text, const DocumentEntities& entities,
                                  std::optional<UnixSeconds> published,
                                  const FactOptions& options = {});

// The facts of a user's claim ("Eddie Wu will lead Alibaba Token Hub"):
// RecognizeEntities on the claim, then ExtractFacts without a date. A
// claim the rules cannot read gives an empty list, not an error. Fails like
// ExtractFacts.
Result<std::vector<Fact>> ParseClaim(std::string_view claim, const FactOptions& options = {});

}  // namespace newsdesk

#endif  // NEWSDESK_EXTRACT_FACTS_H_
