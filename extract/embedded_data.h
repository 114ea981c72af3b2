// Private to extract/: the data files built into the binary (embedded_data.S).
#ifndef NEWSDESK_EXTRACT_EMBEDDED_DATA_H_
#define NEWSDESK_EXTRACT_EMBEDDED_DATA_H_

#include <string_view>

extern "C" {
extern const char newsdesk_ner_model_begin[];
extern const char newsdesk_ner_model_end[];
extern const char newsdesk_gazetteers_begin[];
extern const char newsdesk_gazetteers_end[];
extern const char newsdesk_dictionary_begin[];
extern const char newsdesk_dictionary_end[];
}

namespace newsdesk::extract_internal {

// extract/data/ner-tagger.model as committed.
inline std::string_view EmbeddedNerModel() {
  return {newsdesk_ner_model_begin,
          static_cast<std::size_t>(newsdesk_ner_model_end - newsdesk_ner_model_begin)};
}

// extract/data/gazetteers.tsv as committed.
inline std::string_view EmbeddedGazetteers() {
  return {newsdesk_gazetteers_begin,
          static_cast<std::size_t>(newsdesk_gazetteers_end - newsdesk_gazetteers_begin)};
}

// extract/data/dictionary.txt as committed: one lowercase word a line.
inline std::string_view EmbeddedDictionary() {
  return {newsdesk_dictionary_begin,
          static_cast<std::size_t>(newsdesk_dictionary_end - newsdesk_dictionary_begin)};
}

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_EMBEDDED_DATA_H_
