// Entities: the people, organisations, places, products and tickers a text
// names, each mention tied to the document-level entity it refers to.
//
// Recognition is a statistical tagger (averaged perceptron, PER/ORG/LOC/MISC)
// over tokens and gazetteer hits, exact rules where they are exact (tickers,
// acronym definitions, titles and roles, named products), and document-level
// consistency: a later short form ("Wu", "ATH") takes the entity of its long
// form ("Eddie Wu Yongming", "Alibaba Token Hub") in the same text.
#ifndef NEWSDESK_EXTRACT_ENTITIES_H_
#define NEWSDESK_EXTRACT_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace newsdesk {

enum class EntityType : std::uint8_t {
  kPerson,
  kOrganization,
  kLocation,
  kMisc,     // nationalities, events, works, other names
  kProduct,  // named models, apps, devices
  kTicker,   // a listed share with no company named beside it
};

// "PER", "ORG", "LOC", "MISC", "PRODUCT", "TICKER".
std::string_view EntityTypeName(EntityType type);
// The inverse of EntityTypeName, case-insensitive; also accepts "person",
// "organization", "location", "place", "product", "ticker".
std::optional<EntityType> ParseEntityType(std::string_view name);

// One place where a text names an entity.
struct Mention {
  std::uint32_t start = 0;  // byte offsets into the text: [start, end)
  std::uint32_t end = 0;
  // The mention's own type: kTicker for "BABA" in "(NYSE: BABA)" even when
  // its entity is the company.
  EntityType type = EntityType::kMisc;
  std::uint32_t entity = 0;  // index into DocumentEntities::entities
};

// One entity as a single document names it.
struct DocumentEntity {
  std::string name;  // the longest form the document uses ("Eddie Wu Yongming")
  EntityType type = EntityType::kMisc;
  // Every other form the document uses for it, in first-use order, without
  // `name`: short forms ("Wu", "Wu Yongming"), acronyms ("ATH").
  std::vector<std::string> aliases;
  // Listed shares the document gives it, as "EXCHANGE:SYMBOL" when it names
  // the exchange ("NYSE:BABA", "HKEX:9988") or the symbol alone ("BABA").
  std::vector<std::string> tickers;
  std::uint32_t mention_count = 0;
  // The document calls it the same entity as another by containment only
  // through its short forms; true when a short form could have meant more
  // than one entity of the document (two people named Wu) and was given to
  // the most prominent one.
  bool ambiguous_short_form = false;
};

struct DocumentEntities {
  std::vector<Mention> mentions;         // in text order, not overlapping
  std::vector<DocumentEntity> entities;  // in order of first mention
};

struct EntityOptions {
  // Texts longer than this are read only up to it (the rest gets no
  // mentions). Default: 4 MiB.
  std::size_t max_text_bytes = 4u << 20;
  // Tokens in one sentence: longer runs are cut into pieces of this size
  // (a page of numbers with no full stops). Default: 512.
  std::size_t max_sentence_tokens = 512;
};

// The entities of a UTF-8 text (a headline, a blank line, then the body, for
// an article). Thread-safe; the model and gazetteers built into the binary
// are loaded once, on first use. Fails with kInvalidInput when the text is
// not UTF-8.
Result<DocumentEntities> RecognizeEntities(std::string_view text,
                                           const EntityOptions& options = {});

// The key two names of one entity share, for finding an entity by any of its
// names: case folded, diacritics removed, possessive "'s" and punctuation
// dropped, whitespace collapsed ("Nestlé's" → "nestle"). For organisations
// corporate suffixes are dropped as well ("Alibaba Group Holding Ltd." →
// "alibaba", "Tongyi Labs" → "tongyi lab").
std::string NormalizeEntityName(std::string_view name, EntityType type);

// True for a word, in any case, that names a kind of institution that takes
// its name from where it is: "Hospital", "College", "Council" ("Kestrel Bay
// General Hospital" is in Kestrel Bay). Company words ("Pharmaceuticals",
// "Bank", "Motors") and "Club" are not among them.
bool IsInstitutionWord(std::string_view word);

// The initials of a name's capitalised words, a leading "The" left out
// ("North Atlantic Treaty Organization" → "NATO", "The Associated Press" →
// "AP"); for telling a name from its abbreviation.
std::string NameInitials(std::string_view name);

// ---- Tagger training and evaluation (extract/ner_tagger.cc) ----
//
// The statistical tagger behind RecognizeEntities is trained from corpora in
// the NER training format: one `token<TAB>tag` line per token, BIO tags over
// PER/ORG/LOC/MISC ("B-PER", "I-ORG", "O"; other types count as O), a blank
// line between sentences. Consecutive sentences are read as one document
// (`sentences_per_document` of them), since the corpora mark no document
// boundaries and the tagger uses a word's other occurrences in its document.
// Like everything in extract/, these functions read no files: the caller
// passes the corpora's contents.

// One corpus: its name (for messages) and its text.
struct NerCorpus {
  std::string name;
  std::string_view bio;
  // Read ORG spans that are exactly a country's name ("Iran", "U.S.") as LOC,
  // as news corpora in the CoNLL manner tag them; for GMB, which tags
  // countries acting as subjects as ORG. Default: false.
  bool countries_as_locations = false;
};

struct TaggerTrainingOptions {
  std::vector<NerCorpus> corpora;
  // Passes over the training documents. Default: 8.
  int epochs = 8;
  // Seeds the order documents are visited in each epoch; the same corpora,
  // options and seed give the same model bytes. Default: 1.
  std::uint64_t seed = 1;
  // Consecutive sentences read as one document. Default: 20.
  std::size_t sentences_per_document = 20;
  // One document in this many has its first sentence upper-cased, so that
  // all-caps headlines are learnt. 0 turns it off. Default: 6.
  std::size_t all_caps_every = 6;
  // Features seen fewer times than this in training are left out. Default: 2.
  std::uint32_t min_feature_count = 2;
  // The model keeps at most this many features, those with the largest
  // weights (the file costs 22 bytes per feature: 90,000 keep it under 2 MB;
  // 150,000 scored no better on the dev slice). Default: 90000.
  std::size_t max_features = 90000;
};

// A line of progress, e.g. "epoch 3/8: 1.2% of tokens wrong".
using TrainingProgress = std::function<void(std::string_view)>;

// The model bytes (the format NerTagger::FromBytes reads and
// extract/data/ner-tagger.model holds). kInvalidInput naming the corpus and
// line when a corpus is not in the format above or has no sentences.
Result<std::string> TrainTagger(const TaggerTrainingOptions& options,
                                const TrainingProgress& progress = {});

// Exact-span counts: a predicted span counts only when its first and last
// token and its type all match a gold span.
struct SpanCounts {
  std::uint64_t true_positives = 0;
  std::uint64_t false_positives = 0;
  std::uint64_t false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct NerScores {
  SpanCounts micro;  // over PER, ORG and LOC together (MISC is left out)
  SpanCounts person, organization, location;
  std::uint64_t tokens = 0;
  std::uint64_t sentences = 0;
};

// Tags the corpora with `model` (document by document, as in training) and
// scores the spans against their tags. kInvalidInput when the model or a
// corpus cannot be read.
Result<NerScores> EvaluateTagger(std::string_view model, const std::vector<NerCorpus>& corpora,
                                 std::size_t sentences_per_document = 20);

// ---- end of tagger training and evaluation ----

}  // namespace newsdesk

#endif  // NEWSDESK_EXTRACT_ENTITIES_H_
