// Private to extract/: the statistical tagger, a structured averaged
// perceptron over PER/ORG/LOC/MISC, and its training.
#ifndef NEWSDESK_EXTRACT_NER_TAGGER_H_
#define NEWSDESK_EXTRACT_NER_TAGGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/entities.h"
#include "extract/gazetteers.h"
#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {

// A run of tokens the tagger names; type is kPerson, kOrganization,
// kLocation or kMisc.
struct TaggedSpan {
  std::uint32_t first_token = 0;  // [first_token, end_token)
  std::uint32_t end_token = 0;
  EntityType type = EntityType::kMisc;
};

class NerTagger {
 public:
  // The model built into the binary (extract/data/ner-tagger.model), parsed
  // on first use (thread-safe).
  static const NerTagger& Default();
  // A model as written by Save(); kInvalidInput when it is not one.
  static Result<NerTagger> FromBytes(std::string_view model);

  // Tags every sentence of a tokenized document; features may look at the
  // whole document (the word's other occurrences).
  std::vector<TaggedSpan> TagDocument(std::string_view text, const TokenizedText& tokens,
                                      const std::vector<GazetteerMatch>& gazetteer_matches) const;

  std::string Save() const;

  // Implementation-defined members follow.

  // Labels: O, then B and I for PER, ORG, LOC, MISC.
  static constexpr int kLabels = 9;
  // One feature's weights; `key` is the feature's 32-bit hash (0: empty slot).
  struct WeightRow {
    std::uint32_t key = 0;
    std::int16_t weights[kLabels] = {};
  };

  NerTagger() = default;  // tags nothing

  // The weights of one feature (a key as the features hash), or null when
  // the model has none.
  const WeightRow* Find(std::uint32_t key) const {
    if (table_.empty()) return nullptr;
    for (std::uint32_t i = key & mask_;; i = (i + 1) & mask_) {
      if (table_[i].key == key) return &table_[i];
      if (table_[i].key == 0) return nullptr;
    }
  }
  // Weights are stored as int16 of weight * scale().
  float scale() const { return scale_; }

 private:
  std::vector<WeightRow> table_;  // open addressing, size a power of two
  std::uint32_t mask_ = 0;
  std::size_t features_ = 0;
  float scale_ = 1;  // weights are int16 of weight * scale_
  std::vector<float> transitions_ = std::vector<float>(kLabels * kLabels, 0.0f);  // [prev][cur]
  std::vector<float> start_ = std::vector<float>(kLabels, 0.0f);
};

// RecognizeEntities with `tagger` in place of the built-in model, for
// scoring the whole recognition with a model trained on part of the corpora
// (tools/ner_eval --pipeline). Same results and failures as RecognizeEntities.
Result<DocumentEntities> RecognizeEntitiesWith(const NerTagger& tagger, std::string_view text,
                                               const EntityOptions& options = {});

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_NER_TAGGER_H_
