// ner_eval DATA_DIR [--epochs N] [--max-features N] [--sentences-per-document N]
//          [--min-feature-count N] [--all-caps-every N] [--dev] [--dev-only] [--write-model PATH]
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
// --write-model PATH skips the evaluation and trains the shipped model on all
// five corpora with the default options (how extract/data/ner-tagger.model
// is made; same input, same bytes).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/entities.h"

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

bool Score(const std::string& model, const std::string& label, const NerCorpus& test) {
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
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: ner_eval DATA_DIR [--epochs N] [--max-features N] "
                 "[--sentences-per-document N] [--min-feature-count N] [--all-caps-every N] "
                 "[--dev] [--dev-only] [--write-model PATH]\n");
    return 2;
  }
  std::string dir = argv[1];
  newsdesk::TaggerTrainingOptions defaults;
  int epochs = defaults.epochs;
  std::size_t max_features = defaults.max_features;
  std::size_t per_doc = defaults.sentences_per_document;
  std::uint32_t min_count = defaults.min_feature_count;
  std::size_t caps_every = defaults.all_caps_every;
  bool dev = false, dev_only = false;
  std::string write_model;
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
    else if (a == "--dev-only")
      dev = dev_only = true;
    else if (a == "--max-features" && i + 1 < argc)
      max_features = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--write-model" && i + 1 < argc)
      write_model = argv[++i];
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
  if (!write_model.empty()) {
    newsdesk::TaggerTrainingOptions options;
    for (int i = 0; i < 5; ++i) options.corpora.push_back({names[i], data[i], i == 0});
    auto model = newsdesk::TrainTagger(options, progress);
    if (!model.ok()) {
      std::fprintf(stderr, "ner_eval: %s\n", model.status().message().c_str());
      return 1;
    }
    std::ofstream out(write_model, std::ios::binary);
    out << *model;
    if (!out.flush()) {
      std::fprintf(stderr, "ner_eval: cannot write %s\n", write_model.c_str());
      return 1;
    }
    std::printf("wrote %s (%zu bytes)\n", write_model.c_str(), model->size());
    return 0;
  }

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
    newsdesk::TaggerTrainingOptions options;
    options.epochs = epochs;
    options.max_features = max_features;
    options.sentences_per_document = per_doc;
    options.min_feature_count = min_count;
    options.all_caps_every = caps_every;
    options.corpora = {gmb_train, btc, uner, wnut};
    std::printf("news split: train gmb[0-80%%] + btc + uner_ewt + wnut17_train, %d epochs\n",
                epochs);
    std::fflush(stdout);
    auto model = newsdesk::TrainTagger(options, progress);
    if (!model.ok()) {
      std::fprintf(stderr, "ner_eval: %s\n", model.status().message().c_str());
      return 1;
    }
    if (dev) ok &= Score(*model, "gmb[80-90%] (dev)", gmb_dev);
    if (dev_only) return ok ? 0 : 1;
    ok &= Score(*model, "gmb[90-100%] (held-out news, countries as LOC)", gmb_test);
    ok &= Score(*model, "gmb[90-100%] (held-out news, GMB's own country tags)", gmb_test_raw);
    ok &= Score(*model, "wikigold (other corpus)", wikigold);
  }
  {
    newsdesk::TaggerTrainingOptions options;
    options.epochs = epochs;
    options.max_features = max_features;
    options.sentences_per_document = per_doc;
    options.min_feature_count = min_count;
    options.all_caps_every = caps_every;
    options.corpora = {btc, uner, wikigold, wnut};
    std::printf("cross split: train btc + uner_ewt + wikigold + wnut17_train, %d epochs\n", epochs);
    std::fflush(stdout);
    auto model = newsdesk::TrainTagger(options, progress);
    if (!model.ok()) {
      std::fprintf(stderr, "ner_eval: %s\n", model.status().message().c_str());
      return 1;
    }
    if (dev) ok &= Score(*model, "gmb[80-90%] (dev)", gmb_dev);
    ok &= Score(*model, "gmb[90-100%] (news, no news trained on, countries as LOC)", gmb_test);
  }
  return ok ? 0 : 1;
}
