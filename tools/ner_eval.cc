// ner_eval DATA_DIR [--epochs N] [--max-features N] [--sentences-per-document N]
//          [--min-feature-count N] [--all-caps-every N] [--dev] [--dev-only] [--pipeline]
//
// Trains the entity tagger on some NER corpora and scores it on others:
// exact-span precision, recall and F1, micro over PER/ORG/LOC (MISC is left
// out) and per type. DATA_DIR is ../shared/data/ner-train (token<TAB>BIO,
// blank line between sentences). The splits:
//   news:  train gmb.bio minus its last 20% + btc + uner_ewt + wnut17_train,
//          test the last 10% of gmb.bio (held-out news, Voice of America) and
//          wikigold.bio (another corpus, not trained on). gmb is cut in
//          contiguous blocks, so no document is on both sides.
//   cross: train btc + uner_ewt + wikigold + wnut17_train (the corpora of the
//          "plain perceptron ≈ 60 F1" anchor), test the last 10% of gmb.bio.
// gmb.bio is read with countries_as_locations (its ORG-tagged country names
// as LOC, the CoNLL convention); the held-out slice is also scored with
// GMB's own tags.
// --dev also scores the 80-90% slice of gmb.bio, the only set to tune on;
// --dev-only trains the news split and scores that slice alone.
// --pipeline also scores, on the news split's test sets (and dev with --dev),
// what users get: RecognizeEntities (tagger, exact rules, headline handling,
// retyping, propagation) run with the news split's model, never the shipped
// one, which saw all of gmb. Each document (the same sentences the tagger
// is scored on) is given as text: tokens joined by a space, sentences by a
// blank line, so the tokenizer cuts every sentence where the corpus does
// and the text is byte for byte the one the tagger alone is scored on. A
// PER/ORG/LOC mention counts by the corpus tokens it covers; one that does
// not start and end on a corpus token's edges is a false positive; PRODUCT,
// TICKER and MISC mentions are left out. It also prints the tagger alone on
// the tokenizer's own tokens, which separates tokenization from the rules:
//   cmake --build build-pe --target ner_eval
//   build-pe/ner_eval ../shared/data/ner-train --pipeline
// The shipped model (extract/data/ner-tagger.model) is trained on all five
// corpora by `newsdesk train-tagger` (README, "Entities").
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/entities.h"
// Private to extract/, for --pipeline: the tagger, the tokenizer and the
// gazetteers, and recognition with a model of our own.
#include "extract/ner_tagger.h"

namespace {

using newsdesk::NerCorpus;
using newsdesk::NerScores;
using newsdesk::SpanCounts;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// The byte offset where sentence number `k` of a .bio text starts.
std::size_t SentenceOffset(const std::string& bio, std::size_t k) {
  std::size_t count = 0, i = 0;
  bool in_sentence = false;
  while (i < bio.size()) {
    std::size_t nl = bio.find('\n', i);
    if (nl == std::string::npos) nl = bio.size();
    bool blank = nl == i;
    if (!blank && !in_sentence) {
      if (count == k) return i;
      ++count;
      in_sentence = true;
    }
    if (blank) in_sentence = false;
    i = nl + 1;
  }
  return bio.size();
}

std::size_t CountSentences(const std::string& bio) {
  std::size_t count = 0;
  bool in_sentence = false;
  std::size_t i = 0;
  while (i < bio.size()) {
    std::size_t nl = bio.find('\n', i);
    if (nl == std::string::npos) nl = bio.size();
    bool blank = nl == i;
    if (!blank && !in_sentence) ++count, in_sentence = true;
    if (blank) in_sentence = false;
    i = nl + 1;
  }
  return count;
}

void PrintCounts(const char* name, const SpanCounts& c) {
  std::printf("    %-5s P %5.1f  R %5.1f  F1 %5.1f   (tp %llu fp %llu fn %llu)\n", name,
              100 * c.Precision(), 100 * c.Recall(), 100 * c.F1(),
              static_cast<unsigned long long>(c.true_positives),
              static_cast<unsigned long long>(c.false_positives),
              static_cast<unsigned long long>(c.false_negatives));
}

std::size_t g_per_doc = 20;  // --sentences-per-document, for scoring as for training

bool ScorePipeline(const newsdesk::extract_internal::NerTagger& tagger, const NerScores& evaluated,
                   const NerCorpus& test);

// The tagger's scores on `test`; with `pipeline`, also RecognizeEntities's
// with the same model.
bool Score(const std::string& model, const std::string& label, const NerCorpus& test,
           const newsdesk::extract_internal::NerTagger* pipeline = nullptr) {
  newsdesk::Result<NerScores> s = newsdesk::EvaluateTagger(model, {test}, g_per_doc);
  if (!s.ok()) {
    std::fprintf(stderr, "ner_eval: %s\n", s.status().message().c_str());
    return false;
  }
  std::printf("  test %s (%llu sentences, %llu tokens): micro PER/ORG/LOC F1 %.1f\n", label.c_str(),
              static_cast<unsigned long long>(s->sentences),
              static_cast<unsigned long long>(s->tokens), 100 * s->micro.F1());
  PrintCounts("micro", s->micro);
  PrintCounts("PER", s->person);
  PrintCounts("ORG", s->organization);
  PrintCounts("LOC", s->location);
  std::fflush(stdout);
  return pipeline ? ScorePipeline(*pipeline, *s, test) : true;
}

// ---- --pipeline ----

using newsdesk::EntityType;
namespace ei = newsdesk::extract_internal;

// A span of corpus tokens: [first, end), or first == end == kUnaligned for
// a mention that does not fall on token edges.
struct TokenSpan {
  std::uint32_t first = 0, end = 0;
  EntityType type = EntityType::kMisc;
  auto Key() const { return std::tuple(first, end, static_cast<int>(type)); }
};
constexpr std::uint32_t kUnaligned = 0xFFFFFFFF;

// One document as EvaluateTagger reads it (ReadCorpus in extract/ner_tagger.cc
// with all_caps_every = 0): `per_doc` sentences, tokens joined by ' ',
// sentences by "\n\n", gold spans read from BIO the IOB1-tolerant way (an
// I-X not after X starts a span), countries_as_locations applied alike.
struct GoldDoc {
  std::string text;
  ei::TokenizedText tokens;  // the corpus's tokens
  std::vector<TokenSpan> gold;
};

EntityType TypeOfTag(std::string_view type, bool* known) {
  *known = true;
  if (type == "PER") return EntityType::kPerson;
  if (type == "ORG") return EntityType::kOrganization;
  if (type == "LOC") return EntityType::kLocation;
  if (type == "MISC") return EntityType::kMisc;
  *known = false;
  return EntityType::kMisc;
}

std::vector<GoldDoc> ReadGoldDocs(const NerCorpus& corpus, std::size_t per_doc) {
  if (per_doc == 0) per_doc = 1;
  std::vector<GoldDoc> docs;
  GoldDoc doc;
  std::size_t doc_sentences = 0;
  bool in_sentence = false;
  bool open = false;  // a gold span is open at the last token
  EntityType open_type = EntityType::kMisc;
  auto close_span = [&](std::size_t end_token) {
    if (open) doc.gold.back().end = static_cast<std::uint32_t>(end_token);
    open = false;
  };
  auto flush_doc = [&] {
    if (doc.tokens.tokens.empty()) return;
    if (corpus.countries_as_locations) {
      for (const auto& m : ei::Gazetteers::Default().Match(doc.text, doc.tokens)) {
        if (!(m.classes & ei::kGazCountry)) continue;
        for (auto& g : doc.gold)
          if (g.first == m.first_token && g.end == m.end_token &&
              g.type == EntityType::kOrganization)
            g.type = EntityType::kLocation;
      }
    }
    docs.push_back(std::move(doc));
    doc = GoldDoc();
    doc_sentences = 0;
  };
  auto end_sentence = [&] {
    if (!in_sentence) return;
    close_span(doc.tokens.tokens.size());
    doc.tokens.sentences.back().end_token = static_cast<std::uint32_t>(doc.tokens.tokens.size());
    in_sentence = false;
    if (++doc_sentences >= per_doc) flush_doc();
  };
  std::string_view rest = corpus.bio;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      end_sentence();
      continue;
    }
    std::size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) continue;  // EvaluateTagger has refused it
    if (!in_sentence) {
      if (!doc.text.empty()) doc.text += "\n\n";
      doc.tokens.sentences.push_back({static_cast<std::uint32_t>(doc.tokens.tokens.size()), 0});
      in_sentence = true;
    } else {
      doc.text += ' ';
    }
    const auto t = static_cast<std::uint32_t>(doc.tokens.tokens.size());
    const auto start = static_cast<std::uint32_t>(doc.text.size());
    doc.text += line.substr(0, tab);
    doc.tokens.tokens.push_back({start, static_cast<std::uint32_t>(doc.text.size())});
    std::string_view tag = line.substr(tab + 1);
    bool known = false;
    EntityType type = EntityType::kMisc;
    if (tag.size() >= 3 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-')
      type = TypeOfTag(tag.substr(2), &known);
    if (!known) {
      close_span(t);
      continue;
    }
    if (tag[0] == 'I' && open && open_type == type) continue;
    close_span(t);
    doc.gold.push_back({t, t, type});
    open = true;
    open_type = type;
  }
  end_sentence();
  flush_doc();
  return docs;
}

// Byte spans as corpus-token spans; kUnaligned when not on token edges.
struct TokenEdges {
  // Byte offset → token index (by_end: the index after the token).
  std::unordered_map<std::uint32_t, std::uint32_t> by_start, by_end;
  explicit TokenEdges(const ei::TokenizedText& tokens) {
    for (std::uint32_t t = 0; t < tokens.tokens.size(); ++t) {
      by_start[tokens.tokens[t].start] = t;
      by_end[tokens.tokens[t].end] = t + 1;
    }
  }
  TokenSpan Map(std::uint32_t start, std::uint32_t end, EntityType type) const {
    auto a = by_start.find(start), b = by_end.find(end);
    if (a == by_start.end() || b == by_end.end() || b->second <= a->second)
      return {kUnaligned, kUnaligned, type};
    return {a->second, b->second, type};
  }
};

bool Scored(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrganization || t == EntityType::kLocation;
}

// Adds exact-span counts of `predicted` against `gold` (PER/ORG/LOC only).
void Count(std::vector<TokenSpan> predicted, std::vector<TokenSpan> gold, NerScores* scores) {
  auto counts_of = [&](EntityType type) -> SpanCounts* {
    switch (type) {
      case EntityType::kPerson:
        return &scores->person;
      case EntityType::kOrganization:
        return &scores->organization;
      case EntityType::kLocation:
        return &scores->location;
      default:
        return nullptr;
    }
  };
  auto less = [](const TokenSpan& a, const TokenSpan& b) { return a.Key() < b.Key(); };
  std::sort(predicted.begin(), predicted.end(), less);
  std::sort(gold.begin(), gold.end(), less);
  for (const TokenSpan& p : predicted) {
    SpanCounts* c = counts_of(p.type);
    if (!c) continue;
    bool hit = p.first != kUnaligned && std::binary_search(gold.begin(), gold.end(), p, less);
    (hit ? c->true_positives : c->false_positives) += 1;
    (hit ? scores->micro.true_positives : scores->micro.false_positives) += 1;
  }
  for (const TokenSpan& g : gold) {
    SpanCounts* c = counts_of(g.type);
    if (!c || std::binary_search(predicted.begin(), predicted.end(), g, less)) continue;
    c->false_negatives += 1;
    scores->micro.false_negatives += 1;
  }
}

struct PipelineScores {
  NerScores tagger;             // corpus tokens: must equal EvaluateTagger's
  NerScores tagger_tokenized;   // the tokenizer's tokens
  NerScores pipeline;           // RecognizeEntitiesWith
  std::uint64_t unaligned = 0;  // pipeline PER/ORG/LOC mentions off token edges
};

bool ScorePipeline(const ei::NerTagger& tagger, const NerScores& evaluated, const NerCorpus& test) {
  const auto& gazetteers = ei::Gazetteers::Default();
  PipelineScores s;
  for (const GoldDoc& doc : ReadGoldDocs(test, g_per_doc)) {
    const TokenEdges edges(doc.tokens);
    std::vector<TokenSpan> predicted;
    for (const auto& t :
         tagger.TagDocument(doc.text, doc.tokens, gazetteers.Match(doc.text, doc.tokens)))
      predicted.push_back({t.first_token, t.end_token, t.type});
    Count(predicted, doc.gold, &s.tagger);

    predicted.clear();
    const ei::TokenizedText own = ei::Tokenize(doc.text);
    for (const auto& t : tagger.TagDocument(doc.text, own, gazetteers.Match(doc.text, own)))
      if (t.first_token < t.end_token && t.end_token <= own.tokens.size())
        predicted.push_back(
            edges.Map(own.tokens[t.first_token].start, own.tokens[t.end_token - 1].end, t.type));
    Count(predicted, doc.gold, &s.tagger_tokenized);

    predicted.clear();
    auto entities = ei::RecognizeEntitiesWith(tagger, doc.text);
    if (!entities.ok()) {
      std::fprintf(stderr, "ner_eval: %s: %s\n", test.name.c_str(),
                   entities.status().message().c_str());
      return false;
    }
    for (const auto& m : entities->mentions) {
      if (!Scored(m.type)) continue;
      predicted.push_back(edges.Map(m.start, m.end, m.type));
      s.unaligned += predicted.back().first == kUnaligned;
    }
    Count(predicted, doc.gold, &s.pipeline);
  }
  auto same = [](const SpanCounts& a, const SpanCounts& b) {
    return a.true_positives == b.true_positives && a.false_positives == b.false_positives &&
           a.false_negatives == b.false_negatives;
  };
  if (!same(s.tagger.micro, evaluated.micro)) {
    // The documents here are not the ones EvaluateTagger read: the figures
    // below would not be comparable.
    std::fprintf(stderr,
                 "ner_eval: %s: --pipeline read the corpus differently from EvaluateTagger\n",
                 test.name.c_str());
    return false;
  }
  std::printf("    tagger alone on the tokenizer's tokens: micro F1 %.1f\n",
              100 * s.tagger_tokenized.micro.F1());
  PrintCounts("micro", s.tagger_tokenized.micro);
  std::printf(
      "    pipeline (RecognizeEntities with this model): micro F1 %.1f (%+.1f over the tagger; "
      "%llu mentions off token edges)\n",
      100 * s.pipeline.micro.F1(), 100 * (s.pipeline.micro.F1() - evaluated.micro.F1()),
      static_cast<unsigned long long>(s.unaligned));
  PrintCounts("micro", s.pipeline.micro);
  PrintCounts("PER", s.pipeline.person);
  PrintCounts("ORG", s.pipeline.organization);
  PrintCounts("LOC", s.pipeline.location);
  std::fflush(stdout);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: ner_eval DATA_DIR [--epochs N] [--max-features N] "
                 "[--sentences-per-document N] [--min-feature-count N] [--all-caps-every N] "
                 "[--dev] [--dev-only] [--pipeline]\n");
    return 2;
  }
  std::string dir = argv[1];
  newsdesk::TaggerTrainingOptions defaults;
  int epochs = defaults.epochs;
  std::size_t max_features = defaults.max_features;
  std::size_t per_doc = defaults.sentences_per_document;
  std::uint32_t min_count = defaults.min_feature_count;
  std::size_t caps_every = defaults.all_caps_every;
  bool dev = false, dev_only = false, pipeline = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--epochs" && i + 1 < argc)
      epochs = std::atoi(argv[++i]);
    else if (a == "--dev")
      dev = true;
    else if (a == "--min-feature-count" && i + 1 < argc)
      min_count = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
    else if (a == "--all-caps-every" && i + 1 < argc)
      caps_every = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--sentences-per-document" && i + 1 < argc)
      per_doc = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--pipeline")
      pipeline = true;
    else if (a == "--dev-only")
      dev = dev_only = true;
    else if (a == "--max-features" && i + 1 < argc)
      max_features = std::strtoul(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr, "ner_eval: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  const char* names[] = {"gmb.bio", "btc.bio", "uner_ewt.bio", "wikigold.bio", "wnut17_train.bio"};
  std::string data[5];
  for (int i = 0; i < 5; ++i) {
    if (!ReadFile(dir + "/" + names[i], &data[i])) {
      std::fprintf(stderr, "ner_eval: cannot read %s/%s\n", dir.c_str(), names[i]);
      return 1;
    }
  }
  auto progress = [](std::string_view line) {
    std::fprintf(stderr, "  train: %.*s\n", static_cast<int>(line.size()), line.data());
  };
  // A model of the corpora with the options given on the command line.
  auto train = [&](std::vector<NerCorpus> corpora) {
    newsdesk::TaggerTrainingOptions options;
    options.epochs = epochs;
    options.max_features = max_features;
    options.sentences_per_document = per_doc;
    options.min_feature_count = min_count;
    options.all_caps_every = caps_every;
    options.corpora = std::move(corpora);
    auto model = newsdesk::TrainTagger(options, progress);
    if (!model.ok()) std::fprintf(stderr, "ner_eval: %s\n", model.status().message().c_str());
    return model;
  };

  const std::string& gmb = data[0];
  std::size_t n = CountSentences(gmb);
  std::size_t cut80 = SentenceOffset(gmb, n * 8 / 10), cut90 = SentenceOffset(gmb, n * 9 / 10);
  std::string_view gmb_all = gmb;
  NerCorpus gmb_train{"gmb.bio[0-80%]", gmb_all.substr(0, cut80), true};
  NerCorpus gmb_dev{"gmb.bio[80-90%]", gmb_all.substr(cut80, cut90 - cut80), true};
  NerCorpus gmb_test{"gmb.bio[90-100%]", gmb_all.substr(cut90), true};
  NerCorpus gmb_test_raw{"gmb.bio[90-100%]", gmb_all.substr(cut90), false};
  NerCorpus btc{"btc.bio", data[1]}, uner{"uner_ewt.bio", data[2]},
      wikigold{"wikigold.bio", data[3]}, wnut{"wnut17_train.bio", data[4]};

  g_per_doc = per_doc;
  bool ok = true;
  {
    std::printf("news split: train gmb[0-80%%] + btc + uner_ewt + wnut17_train, %d epochs\n",
                epochs);
    std::fflush(stdout);
    auto model = train({gmb_train, btc, uner, wnut});
    if (!model.ok()) return 1;
    newsdesk::extract_internal::NerTagger tagger;
    if (pipeline) {
      auto parsed = newsdesk::extract_internal::NerTagger::FromBytes(*model);
      if (!parsed.ok()) {
        std::fprintf(stderr, "ner_eval: %s\n", parsed.status().message().c_str());
        return 1;
      }
      tagger = std::move(*parsed);
    }
    const newsdesk::extract_internal::NerTagger* with = pipeline ? &tagger : nullptr;
    if (dev) ok &= Score(*model, "gmb[80-90%] (dev)", gmb_dev, with);
    if (dev_only) return ok ? 0 : 1;
    ok &= Score(*model, "gmb[90-100%] (held-out news, countries as LOC)", gmb_test, with);
    ok &= Score(*model, "gmb[90-100%] (held-out news, GMB's own country tags)", gmb_test_raw, with);
    ok &= Score(*model, "wikigold (other corpus)", wikigold, with);
  }
  {
    std::printf("cross split: train btc + uner_ewt + wikigold + wnut17_train, %d epochs\n", epochs);
    std::fflush(stdout);
    auto model = train({btc, uner, wikigold, wnut});
    if (!model.ok()) return 1;
    if (dev) ok &= Score(*model, "gmb[80-90%] (dev)", gmb_dev);
    ok &= Score(*model, "gmb[90-100%] (news, no news trained on, countries as LOC)", gmb_test);
  }
  return ok ? 0 : 1;
}
