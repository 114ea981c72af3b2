// Entity tagging throughput on one thread: loads the articles of a JSON-lines
// file (one object a line with "title" and "text", e.g. the Wikinews set), then
// runs Tokenize, Gazetteers::Match and NerTagger::TagDocument over all of
// them repeatedly for at least --seconds, each stage timed cumulatively.
// Prints the core count, the corpus size and tokens/s of each stage.
// Usage: tag_bench FILE.jsonl [--seconds S] [--dump OUT.txt]
// --dump writes the texts to OUT.txt, one per line as JSON strings, so that
// bench/tag.sh runs the peer on exactly the same text.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/gazetteers.h"
#include "extract/ner_tagger.h"
#include "extract/tokenizer.h"

namespace {

using newsdesk::extract_internal::Gazetteers;
using newsdesk::extract_internal::NerTagger;
using newsdesk::extract_internal::Tokenize;

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: tag_bench FILE.jsonl [--seconds S] [--dump OUT.txt]\n");
    return 2;
  }
  double seconds = 3;
  std::string dump;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (a == "--dump" && i + 1 < argc)
      dump = argv[++i];
  }
  simdjson::padded_string json;
  if (simdjson::padded_string::load(argv[1]).get(json)) {
    std::printf("tag bench: skipped, cannot read %s\n", argv[1]);
    return 0;
  }
  std::vector<std::string> docs;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(json).get(stream)) {
    std::fprintf(stderr, "tag bench: %s is not JSON lines\n", argv[1]);
    return 1;
  }
  std::size_t bytes = 0;
  for (auto doc : stream) {
    std::string_view title, text;
    if (doc["title"].get_string().get(title)) title = {};
    if (doc["text"].get_string().get(text)) continue;
    std::string article;
    if (!title.empty()) article.append(title).append("\n\n");
    article.append(text);
    bytes += article.size();
    docs.push_back(std::move(article));
  }
  if (docs.empty()) {
    std::printf("tag bench: skipped, no articles with \"text\" in %s\n", argv[1]);
    return 0;
  }
  if (!dump.empty()) {
    std::ofstream out(dump, std::ios::binary);
    for (const std::string& d : docs) out << JsonString(d) << '\n';
  }
  const Gazetteers& gazetteers = Gazetteers::Default();
  const NerTagger& tagger = NerTagger::Default();
  using Clock = std::chrono::steady_clock;
  double t_tok = 0, t_gaz = 0, t_tag = 0;
  std::size_t tokens = 0, spans = 0, rounds = 0, corpus_tokens = 0;
  auto start = Clock::now();
  do {
    for (const std::string& d : docs) {
      auto a = Clock::now();
      auto tok = Tokenize(d);
      auto b = Clock::now();
      auto matches = gazetteers.Match(d, tok);
      auto c = Clock::now();
      auto tagged = tagger.TagDocument(d, tok, matches);
      auto e = Clock::now();
      t_tok += std::chrono::duration<double>(b - a).count();
      t_gaz += std::chrono::duration<double>(c - b).count();
      t_tag += std::chrono::duration<double>(e - c).count();
      tokens += tok.tokens.size();
      spans += tagged.size();
    }
    if (rounds == 0) corpus_tokens = tokens;
    ++rounds;
  } while (std::chrono::duration<double>(Clock::now() - start).count() < seconds);
  double total = t_tok + t_gaz + t_tag;
  std::printf("cores=%u (one thread used) docs=%zu mb=%.2f tokens=%zu rounds=%zu spans/round=%zu\n",
              std::thread::hardware_concurrency(), docs.size(), bytes / 1e6, corpus_tokens, rounds,
              spans / rounds);
  std::printf("  Tokenize:            %10.0f tokens/s\n", tokens / t_tok);
  std::printf("  Gazetteers::Match:   %10.0f tokens/s\n", tokens / t_gaz);
  std::printf("  NerTagger::TagDocument: %7.0f tokens/s\n", tokens / t_tag);
  std::printf("newsdesk tagger (all three): tokens=%zu seconds=%.2f tokens_per_s=%.0f\n", tokens,
              total, tokens / total);
  // What `newsdesk tag` and ingestion run: the above plus the exact rules
  // and the document-level steps (RecognizeEntities).
  std::size_t full_tokens = 0, mentions = 0;
  double t_full = 0;
  auto full_start = Clock::now();
  do {
    for (const std::string& d : docs) {
      auto a = Clock::now();
      auto recognized = newsdesk::RecognizeEntities(d);
      t_full += std::chrono::duration<double>(Clock::now() - a).count();
      if (recognized.ok()) mentions += recognized->mentions.size();
    }
    full_tokens += corpus_tokens;
  } while (std::chrono::duration<double>(Clock::now() - full_start).count() < seconds);
  std::printf(
      "newsdesk RecognizeEntities: tokens=%zu seconds=%.2f tokens_per_s=%.0f mentions/round=%zu\n",
      full_tokens, t_full, full_tokens / t_full, mentions / (full_tokens / corpus_tokens));
  return 0;
}
