// RecognizeEntities (tokenizer, gazetteers, tagger, exact rules, grouping,
// propagation) on the input as it is, which must fail when the input is not
// UTF-8, and on the input made UTF-8 (each ill-formed byte replaced by
// U+FFFD), so that inputs libFuzzer mutates into invalid bytes still reach
// the deep code. Options by input size: the defaults, or limits small enough
// that the text is cut (mid-character) and long sentences are split. Every
// result must keep the promises of extract/entities.h.
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/entities.h"
#include "fuzz/fuzz_checks.h"

namespace {

using newsdesk::fuzz::Require;
using newsdesk::fuzz::RequireUtf8;

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

void Check(std::string_view text, const newsdesk::EntityOptions& options) {
  auto result = newsdesk::RecognizeEntities(text, options);
  Require(result.ok(), "RecognizeEntities: failed on UTF-8 text");
  const auto& mentions = result->mentions;
  const auto& entities = result->entities;
  const std::size_t read = std::min(text.size(), options.max_text_bytes);
  std::vector<std::uint32_t> counts(entities.size(), 0);
  std::uint32_t previous_end = 0, next_new_entity = 0;
  for (const auto& m : mentions) {
    Require(m.start < m.end, "RecognizeEntities: empty mention");
    Require(m.end <= read, "RecognizeEntities: mention past the text read");
    Require(m.start >= previous_end, "RecognizeEntities: mentions overlap or are out of order");
    previous_end = m.end;
    Require(m.entity < entities.size(), "RecognizeEntities: mention's entity out of range");
    // Entities are numbered by first mention.
    Require(m.entity <= next_new_entity,
            "RecognizeEntities: entities not in order of first mention");
    if (m.entity == next_new_entity) ++next_new_entity;
    ++counts[m.entity];
    RequireUtf8(text.substr(m.start, m.end - m.start),
                "RecognizeEntities: mention cuts a character");
  }
  for (std::size_t e = 0; e < entities.size(); ++e) {
    Require(counts[e] > 0, "RecognizeEntities: entity without a mention");
    Require(entities[e].mention_count == counts[e], "RecognizeEntities: mention_count is wrong");
    Require(!entities[e].name.empty(), "RecognizeEntities: entity without a name");
    // Facts and the store compare entities by this key: a name of no word
    // ("@") is no entity.
    Require(!newsdesk::NormalizeEntityName(entities[e].name, entities[e].type).empty(),
            "RecognizeEntities: entity name without a word");
    RequireUtf8(entities[e].name, "RecognizeEntities: entity name is not UTF-8");
    for (const auto& alias : entities[e].aliases)
      RequireUtf8(alias, "RecognizeEntities: alias is not UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  static const std::array<newsdesk::EntityOptions, 2> kOptions = {
      newsdesk::EntityOptions{},
      newsdesk::EntityOptions{.max_text_bytes = 301, .max_sentence_tokens = 7},
  };
  const auto& options = PickBySize(std::span<const newsdesk::EntityOptions>(kOptions), size);
  const std::string_view input = AsText(data, size);
  const std::string valid = ToValidUtf8(input);
  if (valid == input) {
    Check(input, options);
  } else {
    Require(!newsdesk::RecognizeEntities(input, options).ok(),
            "RecognizeEntities: accepted text that is not UTF-8");
    Check(valid, options);
  }
  return 0;
}
