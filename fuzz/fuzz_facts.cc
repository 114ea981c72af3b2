// ExtractFacts (over RecognizeEntities of the same text) and ParseClaim (of
// the input's first line) on the input made UTF-8, and on the input as it
// is, which must be refused when it is not UTF-8. Options by input size: the
// defaults, or limits small enough that sentences are skipped and facts and
// lists are cut. Every result must keep the promises of extract/facts.h.
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/facts.h"
#include "fuzz/fuzz_checks.h"

namespace {

using newsdesk::fuzz::Require;
using newsdesk::fuzz::RequireUtf8;

// 2026-03-18T09:00:00Z.
constexpr newsdesk::UnixSeconds kPublished = 1773824400;

std::string ToValidUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 8);
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(in.size());
  while (i < n) {
    const std::int32_t from = i;
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(in.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(i - from)));
  }
  return out;
}

bool IsIsoDay(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

void CheckArgument(const newsdesk::FactArgument& a, std::size_t entities) {
  RequireUtf8(a.text, "ExtractFacts: argument text is not UTF-8");
  RequireUtf8(a.key, "ExtractFacts: argument key is not UTF-8");
  Require(!a.key.empty(), "ExtractFacts: argument without a key");
  if (a.kind == newsdesk::FactArgument::Kind::kEntity)
    Require(a.entity >= 0 && static_cast<std::size_t>(a.entity) < entities,
            "ExtractFacts: entity argument out of range");
}

void CheckFacts(std::string_view text, const std::vector<newsdesk::Fact>& facts,
                std::size_t entities, const newsdesk::FactOptions& options) {
  Require(facts.size() <= options.max_facts, "ExtractFacts: more facts than max_facts");
  for (const auto& f : facts) {
    Require(f.sentence_start < f.sentence_end && f.sentence_end <= text.size(),
            "ExtractFacts: evidence span outside the text");
    Require(f.sentence_end - f.sentence_start <= options.max_sentence_bytes,
            "ExtractFacts: evidence longer than max_sentence_bytes");
    Require(text.substr(f.sentence_start, f.sentence_end - f.sentence_start) == f.evidence,
            "ExtractFacts: evidence is not the text at its span");
    Require(!f.predicate.empty() && !f.predicate_class.empty(), "ExtractFacts: no predicate");
    CheckArgument(f.subject, entities);
    CheckArgument(f.object, entities);
    Require(!f.date || IsIsoDay(*f.date), "ExtractFacts: date is not YYYY-MM-DD");
    Require(!f.quantity || f.quantity->low <= f.quantity->high ||
                f.quantity->high != f.quantity->high,  // NaN is left to the reader
            "ExtractFacts: quantity range reversed");
    RequireUtf8(f.origin, "ExtractFacts: origin is not UTF-8");
  }
}

void Check(std::string_view text, const newsdesk::FactOptions& options) {
  auto entities = newsdesk::RecognizeEntities(text);
  Require(entities.ok(), "RecognizeEntities: failed on UTF-8 text");
  auto facts = newsdesk::ExtractFacts(text, *entities, kPublished, options);
  if (text.size() > options.max_text_bytes) {
    Require(!facts.ok(), "ExtractFacts: accepted a text over max_text_bytes");
    return;
  }
  Require(facts.ok(), "ExtractFacts: failed on UTF-8 text and its own entities");
  CheckFacts(text, facts->facts, entities->entities.size(), options);
  for (const auto& c : facts->citations) RequireUtf8(c, "ExtractFacts: citation is not UTF-8");
  Require(!facts->declared_source_count || *facts->declared_source_count > 0,
          "ExtractFacts: declared count not positive");

  const std::string_view claim = text.substr(0, text.find('\n'));
  auto claim_entities = newsdesk::RecognizeEntities(claim);
  auto parsed = newsdesk::ParseClaim(claim, options);
  if (claim.size() > options.max_text_bytes) return;
  Require(parsed.ok(), "ParseClaim: failed on a UTF-8 line");
  // Claim facts name the claim's own entities, which may differ from the
  // tagger's: only the spans and texts are checked.
  for (const auto& f : *parsed) {
    Require(f.sentence_end <= claim.size() &&
                claim.substr(f.sentence_start, f.sentence_end - f.sentence_start) == f.evidence,
            "ParseClaim: evidence is not the claim at its span");
    RequireUtf8(f.subject.key, "ParseClaim: subject key is not UTF-8");
    RequireUtf8(f.object.key, "ParseClaim: object key is not UTF-8");
  }
  (void)claim_entities;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  static const std::array<newsdesk::FactOptions, 2> kOptions = {
      newsdesk::FactOptions{},
      newsdesk::FactOptions{
          .max_text_bytes = 4000, .max_sentence_bytes = 90, .max_facts = 3, .max_list_members = 2},
  };
  const auto& options = PickBySize(std::span<const newsdesk::FactOptions>(kOptions), size);
  const std::string_view input = AsText(data, size);
  const std::string valid = ToValidUtf8(input);
  if (valid != input) {
    Require(!newsdesk::ExtractFacts(input, {}, kPublished, options).ok(),
            "ExtractFacts: accepted text that is not UTF-8");
    Require(!newsdesk::ParseClaim(input, options).ok(),
            "ParseClaim: accepted text that is not UTF-8");
  }
  Check(valid, options);
  return 0;
}
